import { Color, InstancedBufferAttribute, InstancedMesh, PlaneGeometry, ShaderMaterial, Vector3, type Object3D, type PerspectiveCamera } from 'three';
import { LabelAtlas } from './label-atlas';

/**
 * Every text label of the scene as one InstancedMesh of quads that sample the label atlas. Labels keep a legible
 * size on screen: one that would be drawn smaller than `minPx` CSS pixels high is scaled up to it, and one that
 * would overlap a label already placed in this frame is left out (labels are placed in the order they are added).
 * Labels face the camera.
 */

/** Smallest label height on screen, in CSS pixels (projector: large labels). */
export const MIN_LABEL_PX = 11;
export const MIN_LABEL_PX_LARGE = 16;

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
  #camera: PerspectiveCamera | null = null;
  #viewW = 1;
  #viewH = 1;
  #minPx = MIN_LABEL_PX;
  readonly #v = new Vector3();
  /** Screen rectangles (x0, y0, x1, y1 in CSS px) of the labels placed this frame. */
  #rects = new Float32Array(0);

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

  /** The camera and viewport size (CSS px) the next frame is drawn with, and the smallest label height. */
  setView(camera: PerspectiveCamera, widthPx: number, heightPx: number, minPx: number): void {
    this.#camera = camera;
    this.#viewW = widthPx;
    this.#viewH = heightPx;
    this.#minPx = minPx;
  }

  begin(): void {
    this.#count = 0;
    if (this.#rects.length < this.capacity * 4) this.#rects = new Float32Array(this.capacity * 4);
  }

  /** Labels drawn in the last frame. */
  get count(): number {
    return this.#count;
  }

  /**
   * Add a label centred at (x, y, z) with text height `h` (world units); `align` −1 left, 0 centre, 1 right.
   * The dummy is the caller's reused Object3D.
   */
  add(dummy: Object3D, text: string, x: number, y: number, z: number, h: number, color: Color, align = 0): void {
    const g = this.atlas.glyph(text);
    if (!g || this.#count >= this.capacity || h <= 0) return;
    let w = h * g.aspect;
    const cam = this.#camera;
    if (cam) {
      // Height on screen: world height × (projection's y scale / depth) × half the viewport.
      const v = this.#v.set(x - (align * w) / 2, y, z).applyMatrix4(cam.matrixWorldInverse);
      const depth = -v.z;
      if (depth <= 1e-3) return;
      const pxPerWorld = (cam.projectionMatrix.elements[5] / depth) * (this.#viewH / 2);
      if (h * pxPerWorld < this.#minPx) {
        h = this.#minPx / pxPerWorld;
        w = h * g.aspect;
      }
      v.set(x - (align * w) / 2, y, z).project(cam);
      const cx = ((v.x + 1) / 2) * this.#viewW, cy = ((1 - v.y) / 2) * this.#viewH;
      const hw = (w * pxPerWorld) / 2, hh = (h * pxPerWorld) / 2;
      const r = this.#rects;
      for (let j = 0; j < this.#count; j++) {
        const o = j * 4;
        if (cx - hw < r[o + 2] && cx + hw > r[o] && cy - hh < r[o + 3] && cy + hh > r[o + 1]) return;
      }
      const o = this.#count * 4;
      r[o] = cx - hw;
      r[o + 1] = cy - hh;
      r[o + 2] = cx + hw;
      r[o + 3] = cy + hh;
    }
    const i = this.#count++;
    dummy.position.set(x - (align * w) / 2, y, z);
    // Billboards: every label faces the camera, so it reads the same from the front, at an angle and from above.
    if (cam) dummy.quaternion.copy(cam.quaternion);
    else dummy.rotation.set(0, 0, 0);
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
