import { Color, InstancedBufferAttribute, InstancedMesh, PlaneGeometry, ShaderMaterial, type Object3D } from 'three';
import { LabelAtlas } from './label-atlas';

/** Every text label of the scene as one InstancedMesh of quads that sample the label atlas. */

const VERT = /* glsl */ `
attribute vec4 uvRect;
varying vec2 vUv;
varying vec3 vColor;
void main() {
  vUv = uvRect.xy + uv * uvRect.zw;
#ifdef USE_INSTANCING_COLOR
  vColor = instanceColor;
#else
  vColor = vec3(0.0);
#endif
  gl_Position = projectionMatrix * modelViewMatrix * instanceMatrix * vec4(position, 1.0);
}`;

const FRAG = /* glsl */ `
uniform sampler2D map;
varying vec2 vUv;
varying vec3 vColor;
void main() {
  float a = texture2D(map, vUv).a;
  if (a < 0.04) discard;
  gl_FragColor = vec4(vColor, a);
#include <colorspace_fragment>
}`;

export class LabelLayer {
  readonly mesh: InstancedMesh;
  readonly atlas = new LabelAtlas();
  readonly #geometry = new PlaneGeometry(1, 1);
  readonly #material: ShaderMaterial;
  readonly #uv: InstancedBufferAttribute;
  #count = 0;

  constructor(readonly capacity: number) {
    this.#uv = new InstancedBufferAttribute(new Float32Array(capacity * 4), 4);
    this.#geometry.setAttribute('uvRect', this.#uv);
    this.#material = new ShaderMaterial({
      vertexShader: VERT,
      fragmentShader: FRAG,
      uniforms: { map: { value: this.atlas.texture } },
      transparent: true,
      depthWrite: false,
    });
    this.mesh = new InstancedMesh(this.#geometry, this.#material, capacity);
    this.mesh.setColorAt(0, new Color(0, 0, 0));
    this.mesh.frustumCulled = false;
    this.mesh.renderOrder = 2;
  }

  begin(): void {
    this.#count = 0;
  }

  /**
   * Add a label centred at (x, y, z) with text height `h` (world units); `align` −1 left, 0 centre, 1 right.
   * The dummy is the caller's reused Object3D.
   */
  add(dummy: Object3D, text: string, x: number, y: number, z: number, h: number, color: Color, align = 0): void {
    const g = this.atlas.glyph(text);
    if (!g || this.#count >= this.capacity || h <= 0) return;
    const i = this.#count++;
    const w = h * g.aspect;
    dummy.position.set(x - (align * w) / 2, y, z);
    dummy.rotation.set(0, 0, 0);
    dummy.scale.set(w, h, 1);
    dummy.updateMatrix();
    this.mesh.setMatrixAt(i, dummy.matrix);
    this.mesh.setColorAt(i, color);
    this.#uv.setXYZW(i, g.u0, g.v0, g.du, g.dv);
  }

  end(): void {
    this.mesh.count = this.#count;
    this.mesh.instanceMatrix.needsUpdate = true;
    if (this.mesh.instanceColor) this.mesh.instanceColor.needsUpdate = true;
    this.#uv.needsUpdate = true;
  }

  dispose(): void {
    this.#geometry.dispose();
    this.#material.dispose();
    this.atlas.dispose();
    this.mesh.dispose();
  }
}
