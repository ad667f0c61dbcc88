import { Color, InstancedBufferAttribute, InstancedMesh, PlaneGeometry, ShaderMaterial, Vector2, Vector3, type Matrix4, type Object3D, type PerspectiveCamera } from 'three';
import { labelFont, type GlyphRun } from './label-font';
import { anchorUnder } from './label-stack';

/**
 * Every text label of the scene as one InstancedMesh of glyph quads that sample the signed-distance-field atlas
 * (label-font.ts): one draw call, sharp edges at any angle and zoom. Labels keep a legible size on screen: one whose
 * letters would be drawn smaller than `minPx` CSS pixels (its em) is scaled up to that, and one that would overlap a
 * label already placed in this frame is left out (labels are placed in the order they are added). Labels face the
 * camera.
 */

/** Smallest text size on screen (em, CSS px); the projector option asks for large labels. */
export const MIN_LABEL_PX = 11;
export const MIN_LABEL_PX_LARGE = 16;
/** A label's letters are this fraction of the height `add` is given (the rest is room above and below). */
export const EM_PER_HEIGHT = 0.62;
/** Space between a label and the one stacked under it (addUnder), CSS px. */
const STACK_GAP_PX = 1;
/** Glyphs per label on average, for the instance buffer's size. */
const GLYPHS_PER_LABEL = 7;

const VERT = /* glsl */ `
uniform vec2 uAtlasSize;
uniform float uGlyphSize;
attribute vec4 glyphBounds;
attribute float glyphIndex;
varying vec2 vGlyphUv;
varying vec2 vGlyphDims;
varying vec4 vAtlasUv;
varying float vChannel;
varying vec3 vColor;
void main() {
  vec2 local = mix(glyphBounds.xy, glyphBounds.zw, uv);
  vGlyphUv = uv;
  vGlyphDims = glyphBounds.zw - glyphBounds.xy;
  // Four glyphs share each square of the atlas, one per colour channel (troika's layout).
  float square = floor(glyphIndex / 4.0);
  float cols = uAtlasSize.x / uGlyphSize;
  vec2 perSquare = uGlyphSize / uAtlasSize;
  vec2 start = perSquare * vec2(mod(square, cols), floor(square / cols));
  vAtlasUv = vec4(start, start + perSquare);
  vChannel = mod(glyphIndex, 4.0);
#ifdef USE_INSTANCING_COLOR
  vColor = instanceColor;
#else
  vColor = vec3(0.0);
#endif
  gl_Position = projectionMatrix * modelViewMatrix * instanceMatrix * vec4(local, 0.0, 1.0);
}`;

const FRAG = /* glsl */ `
uniform sampler2D uAtlas;
uniform float uGlyphSize;
uniform float uExponent;
varying vec2 vGlyphUv;
varying vec2 vGlyphDims;
varying vec4 vAtlasUv;
varying float vChannel;
varying vec3 vColor;
float sdfValue(vec2 glyphUv) {
  vec4 rgba = texture2D(uAtlas, mix(vAtlasUv.xy, vAtlasUv.zw, glyphUv));
  float ch = floor(vChannel + 0.5);
  return ch == 0.0 ? rgba.r : ch == 1.0 ? rgba.g : ch == 2.0 ? rgba.b : rgba.a;
}
void main() {
  // Signed distance to the glyph's outline (negative inside), undoing the atlas's exponential encoding.
  vec2 clamped = clamp(vGlyphUv, 0.5 / uGlyphSize, 1.0 - 0.5 / uGlyphSize);
  float a = sdfValue(clamped);
  float maxDim = max(vGlyphDims.x, vGlyphDims.y);
  float dist = (1.0 - pow(2.0 * (a > 0.5 ? 1.0 - a : a), 1.0 / uExponent)) * maxDim * (a > 0.5 ? -1.0 : 1.0);
  dist += length((vGlyphUv - clamped) * vGlyphDims);
  // Antialias over about one screen pixel, whatever the text's size on screen.
  float aa = length(fwidth(vGlyphUv * vGlyphDims)) * 0.5;
  float alpha = smoothstep(aa, -aa, dist);
  if (alpha < 0.02) discard;
  gl_FragColor = vec4(vColor, alpha);
#include <colorspace_fragment>
}`;

export class LabelLayer {
  readonly mesh: InstancedMesh;
  readonly #geometry = new PlaneGeometry(1, 1);
  readonly #material: ShaderMaterial;
  readonly #bounds: InstancedBufferAttribute;
  readonly #index: InstancedBufferAttribute;
  readonly #glyphCapacity: number;
  readonly #onReady: () => void;
  #labels = 0;
  #glyphs = 0;
  #camera: PerspectiveCamera | null = null;
  #viewW = 1;
  #viewH = 1;
  #minPx = MIN_LABEL_PX;
  #smallestPx = Infinity;
  readonly #v = new Vector3();
  /** Screen rectangles (x0, y0, x1, y1 in CSS px) of the labels placed this frame. */
  readonly #rects: Float32Array;
  /** The last label `add` was given, placed or not (for addUnder): its anchor, half height on screen and scale. */
  readonly #prev = new Vector3();
  readonly #under = new Vector3();
  #prevHalfPx = 0;
  #prevPxPerWorld = 0;
  /** Strings asked for in this frame that the font does not have (forgotten or never asked): asked for again. */
  readonly #missing = new Set<string>();

  constructor(
    readonly capacity: number,
    /** Called when strings this layer asked for become drawable (ask for a frame). */
    onReady: () => void,
  ) {
    this.#glyphCapacity = capacity * GLYPHS_PER_LABEL;
    this.#rects = new Float32Array(capacity * 4);
    this.#bounds = new InstancedBufferAttribute(new Float32Array(this.#glyphCapacity * 4), 4);
    this.#index = new InstancedBufferAttribute(new Float32Array(this.#glyphCapacity), 1);
    this.#geometry.setAttribute('glyphBounds', this.#bounds);
    this.#geometry.setAttribute('glyphIndex', this.#index);
    this.#material = new ShaderMaterial({
      vertexShader: VERT,
      fragmentShader: FRAG,
      uniforms: {
        uAtlas: { value: null },
        uAtlasSize: { value: new Vector2(1, 1) },
        uGlyphSize: { value: labelFont.glyphSize },
        uExponent: { value: labelFont.exponent },
      },
      transparent: true,
      depthWrite: false,
      // Drawn over the cells (last, see renderOrder): a label is never cut by the unit boxes of a copy in front.
      depthTest: false,
    });
    this.mesh = new InstancedMesh(this.#geometry, this.#material, this.#glyphCapacity);
    this.mesh.setColorAt(0, new Color(0, 0, 0));
    this.mesh.count = 0;
    this.mesh.frustumCulled = false;
    this.mesh.renderOrder = 2;
    this.#onReady = onReady;
    labelFont.acquire(onReady);
  }

  /** Ask the font for the strings the next frames will draw (typeset once, shared by every view). */
  want(strings: ReadonlySet<string>): void {
    labelFont.want(strings);
  }

  /** The camera and viewport size (CSS px) the next frame is drawn with, and the smallest text size. */
  setView(camera: PerspectiveCamera, widthPx: number, heightPx: number, minPx: number): void {
    this.#camera = camera;
    this.#viewW = widthPx;
    this.#viewH = heightPx;
    this.#minPx = minPx;
  }

  begin(): void {
    this.#labels = 0;
    this.#glyphs = 0;
    this.#smallestPx = Infinity;
  }

  /** Width in ems of the widest of `texts` (an estimate for one not typeset yet). */
  widestEm(texts: readonly string[]): number {
    let w = 0;
    for (const t of texts) w = Math.max(w, labelFont.run(t)?.width ?? t.length * 0.6);
    return w;
  }

  /** Labels drawn in the last frame (0 while the atlas is not ready). */
  get count(): number {
    return this.mesh.count > 0 ? this.#labels : 0;
  }

  /** Text size on screen (em, CSS px) of the smallest label of the last frame (Infinity: none). */
  get smallestPx(): number {
    return this.#smallestPx;
  }

  /**
   * Add a label centred at (x, y, z) with height `h` (world units; its letters are EM_PER_HEIGHT of it);
   * `align` −1 left, 0 centre, 1 right. The dummy is the caller's reused Object3D.
   */
  add(dummy: Object3D, text: string, x: number, y: number, z: number, h: number, color: Color, align = 0): void {
    this.#prevPxPerWorld = 0;
    if (this.#labels >= this.capacity || h <= 0) return;
    const run = labelFont.run(text);
    if (!run) {
      this.#missing.add(text);
      return;
    }
    if (this.#glyphs + run.count > this.#glyphCapacity) return;
    let em = h * EM_PER_HEIGHT;
    const cam = this.#camera;
    if (cam) {
      // Size on screen: world size × (projection's y scale / depth) × half the viewport.
      const v = this.#v.set(x, y, z).applyMatrix4(cam.matrixWorldInverse);
      const depth = -v.z;
      if (depth <= 1e-3) return;
      const pxPerWorld = (cam.projectionMatrix.elements[5] / depth) * (this.#viewH / 2);
      if (em * pxPerWorld < this.#minPx) em = this.#minPx / pxPerWorld;
      const w = run.width * em;
      this.#smallestPx = Math.min(this.#smallestPx, em * pxPerWorld);
      v.set(x - (align * w) / 2, y, z).project(cam);
      const cx = ((v.x + 1) / 2) * this.#viewW, cy = ((1 - v.y) / 2) * this.#viewH;
      const hw = (w * pxPerWorld) / 2, hh = (run.height * em * pxPerWorld) / 2;
      this.#prev.set(x, y, z);
      this.#prevHalfPx = hh;
      this.#prevPxPerWorld = pxPerWorld;
      const r = this.#rects;
      for (let j = 0; j < this.#labels; j++) {
        const o = j * 4;
        if (cx - hw < r[o + 2] && cx + hw > r[o] && cy - hh < r[o + 3] && cy + hh > r[o + 1]) return;
      }
      const o = this.#labels * 4;
      r[o] = cx - hw;
      r[o + 1] = cy - hh;
      r[o + 2] = cx + hw;
      r[o + 3] = cy + hh;
    }
    this.#labels++;
    dummy.position.set(x - (align * run.width * em) / 2, y, z);
    // Billboards: every label faces the camera, so it reads the same from the front, at an angle and from above.
    if (cam) dummy.quaternion.copy(cam.quaternion);
    else dummy.rotation.set(0, 0, 0);
    dummy.scale.set(em, em, 1);
    dummy.updateMatrix();
    this.#place(run, dummy.matrix, color);
  }

  /**
   * Add a label centred under the label last given to `add` (placed or left out), just below it on screen whatever
   * the camera's angle, with height `h` as in `add`. Nothing is added when that label could not be measured.
   */
  addUnder(dummy: Object3D, text: string, h: number, color: Color): void {
    const cam = this.#camera;
    const ppw = this.#prevPxPerWorld;
    if (!cam || ppw <= 0 || h <= 0) return;
    const run = labelFont.run(text);
    if (!run) {
      this.#missing.add(text);
      return;
    }
    // The same depth as the label above, so the same scale, and the same smallest size.
    const em = Math.max(h * EM_PER_HEIGHT, this.#minPx / ppw);
    const u = anchorUnder(cam, this.#prev, ppw, this.#prevHalfPx, (run.height * em * ppw) / 2, STACK_GAP_PX, this.#under);
    this.add(dummy, text, u.x, u.y, u.z, h, color);
  }

  #place(run: GlyphRun, matrix: Matrix4, color: Color): void {
    const b = this.#bounds.array as Float32Array;
    const idx = this.#index.array as Float32Array;
    for (let g = 0; g < run.count; g++) {
      const i = this.#glyphs++;
      this.mesh.setMatrixAt(i, matrix);
      this.mesh.setColorAt(i, color);
      b.set(run.bounds.subarray(g * 4, g * 4 + 4), i * 4);
      idx[i] = run.atlas[g];
    }
  }

  end(): void {
    const texture = labelFont.texture;
    const u = this.#material.uniforms;
    u.uAtlas.value = texture;
    const img = texture?.image as { width?: number; height?: number } | undefined;
    (u.uAtlasSize.value as Vector2).set(img?.width ?? 1, img?.height ?? 1);
    u.uExponent.value = labelFont.exponent;
    // While troika redraws a restored atlas its texture is blank: draw no glyphs until it is done.
    this.mesh.count = texture && !labelFont.restoring ? this.#glyphs : 0;
    this.mesh.instanceMatrix.needsUpdate = true;
    if (this.mesh.instanceColor) this.mesh.instanceColor.needsUpdate = true;
    this.#bounds.needsUpdate = true;
    this.#index.needsUpdate = true;
    if (this.#missing.size > 0) {
      labelFont.want(this.#missing);
      this.#missing.clear();
    }
  }

  dispose(): void {
    labelFont.release(this.#onReady);
    this.#geometry.dispose();
    this.#material.dispose();
    this.mesh.dispose();
  }
}
