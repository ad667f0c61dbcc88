import { BoxGeometry, Color, ConeGeometry, InstancedMesh, MeshBasicMaterial, SRGBColorSpace, Vector3, type Object3D } from 'three';
import { parseStops, sampleStops, type Palette, type RGB } from '../colour-scale';
import { gradStrength, logMaxNorm } from '../grad-scale';
import { rowDhNorm, runsRightToLeft } from '../chain-rows';
import { ARROW_CC, ARROW_HH, ARROW_XH, CELL_H, boxCut, nodeHalf, nodePosition, type Half } from '../layout';
import { backRevealOf, copyWeight, revealOf, type FrameState } from './frame';

const HEAD = 0.22;
const THICK = 0.05;
/** Arrows longer than this (world units) cross another row of copies. */
const LONG = 1.6;
/** The cell-state path runs along the top edge of expanded LSTM cells. */
const CC_Y = CELL_H / 2 - 0.18;

/**
 * Arrows x→h, h→h, h→y, the context bridge and the LSTM cell-state path: one InstancedMesh of shafts and one
 * of heads. Hovering a matrix lights every arrow of that kind; in the backward pass the h→h arrows carry the
 * gradient's colour. Midpoints are kept (in world space) for screen-space hover picking.
 */
export class ArrowLayer {
  readonly shafts: InstancedMesh;
  readonly heads: InstancedMesh;
  /** World midpoint of each drawn arrow [x, y, z] (near the head for long ones) and its layout index, for picking and its name. */
  readonly mid: Float32Array;
  readonly midArrow: Int32Array;
  drawn = 0;
  readonly #shaftGeom = new BoxGeometry(1, 1, 1);
  readonly #headGeom = new ConeGeometry(0.5, 1, 12);
  readonly #mat = new MeshBasicMaterial();
  readonly #a = new Float32Array(3);
  readonly #b = new Float32Array(3);
  readonly #dir = new Vector3();
  readonly #up = new Vector3(0, 1, 0);
  readonly #c = new Color();
  readonly #half: Half = { x: 0, y: 0 };
  readonly #rgb: RGB = { r: 0, g: 0, b: 0 };
  readonly #arrow = new Color();
  readonly #pending = new Color();
  readonly #highlight = new Color();
  #grad = parseStops(['#000000', '#ffffff']);
  #logMax = NaN;

  constructor(readonly capacity: number) {
    this.shafts = new InstancedMesh(this.#shaftGeom, this.#mat, capacity);
    this.heads = new InstancedMesh(this.#headGeom, this.#mat, capacity);
    this.mid = new Float32Array(capacity * 3);
    this.midArrow = new Int32Array(capacity);
    for (const m of [this.shafts, this.heads]) {
      m.setColorAt(0, new Color());
      m.frustumCulled = false;
    }
  }

  setPalette(p: Palette): void {
    this.#arrow.setStyle(p.arrow, SRGBColorSpace);
    this.#pending.setStyle(p.pending, SRGBColorSpace);
    this.#highlight.setStyle(p.highlight, SRGBColorSpace);
    this.#grad = parseStops(p.gradient);
  }

  setNorms(norms: readonly number[]): void {
    this.#logMax = logMaxNorm(norms);
  }

  update(f: FrameState, dummy: Object3D): void {
    const { layout } = f;
    const a = this.#a, b = this.#b, dir = this.#dir, c = this.#c;
    let n = 0;
    for (let i = 0; i < layout.arrowCount && n < this.capacity; i++) {
      const from = layout.arrowFrom[i], to = layout.arrowTo[i], kind = layout.arrowKind[i];
      nodePosition(layout, from, f.unroll, a);
      nodePosition(layout, to, f.unroll, b);
      const sf = layout.nodeStep[from], st = layout.nodeStep[to];
      const w = Math.min(sf < 0 ? f.unroll : copyWeight(f, sf), st < 0 ? f.unroll : copyWeight(f, st));
      if (kind === ARROW_CC) {
        a[1] += CC_Y;
        b[1] += CC_Y;
      }
      a[0] += layout.arrowLane[i];
      b[0] += layout.arrowLane[i];
      const dx = b[0] - a[0], dy = b[1] - a[1];
      const len0 = Math.hypot(dx, dy);
      if (len0 < 0.05 || w < 0.02) continue;
      const h = this.#half;
      const cutA = kind === ARROW_CC ? layout.cellWidth / 2 / len0 : boxCut(dx, dy, nodeHalf(layout.nodeKind[from], layout.cellWidth, h));
      const cutB = kind === ARROW_CC ? cutA : boxCut(dx, dy, nodeHalf(layout.nodeKind[to], layout.cellWidth, h));
      const t0 = Math.min(0.45, cutA + 0.03), t1 = Math.max(0.55, 1 - cutB - 0.03);
      const len = (t1 - t0) * len0;
      if (len < 0.08) continue;
      dir.set(dx / len0, dy / len0, 0);
      const sx = a[0] + dx * t0, sy = a[1] + dy * t0;
      const shaft = Math.max(0.01, len - HEAD);
      dummy.quaternion.setFromUnitVectors(this.#up, dir);
      dummy.position.set(sx + dir.x * shaft * 0.5, sy + dir.y * shaft * 0.5, 0);
      dummy.scale.set(THICK * w, shaft, THICK * w);
      dummy.updateMatrix();
      this.shafts.setMatrixAt(n, dummy.matrix);
      dummy.position.set(sx + dir.x * (shaft + HEAD * 0.5), sy + dir.y * (shaft + HEAD * 0.5), 0);
      dummy.scale.set(HEAD * 0.75 * w, HEAD, HEAD * 0.75 * w);
      dummy.updateMatrix();
      this.heads.setMatrixAt(n, dummy.matrix);
      this.#colour(f, kind, layout.arrowMatrix[i], st < 0 ? sf : st, layout.nodeKind[to]);
      this.shafts.setColorAt(n, c);
      this.heads.setColorAt(n, c);
      // A long arrow (crossing another row) is named, and picked, near its head: where it reaches its own copy.
      const at = len > LONG ? len - 0.55 : len * 0.5;
      this.mid[n * 3] = sx + dir.x * at;
      this.mid[n * 3 + 1] = sy + dir.y * at;
      this.mid[n * 3 + 2] = 0;
      this.midArrow[n] = i;
      n++;
    }
    this.drawn = n;
    for (const m of [this.shafts, this.heads]) {
      m.count = n;
      m.instanceMatrix.needsUpdate = true;
      if (m.instanceColor) m.instanceColor.needsUpdate = true;
    }
    dummy.quaternion.identity();
  }

  /** Colour of one arrow into this.#c; `into` is the node kind of its head (its row, for h→h arrows). */
  #colour(f: FrameState, kind: number, matrix: number, step: number, into: number): void {
    const c = this.#c;
    if (f.hoverMatrix >= 0 && matrix === f.hoverMatrix) {
      c.copy(this.#highlight);
      return;
    }
    const s = f.chain.steps[step];
    const intoBack = runsRightToLeft(into);
    // Backward pass: the h→h arrows of a left-to-right row the gradient has crossed carry its ‖∂L/∂h_t‖ colour.
    const norm = s ? rowDhNorm(s, into) : NaN;
    if (kind === ARROW_HH && f.pass === 'backward' && !intoBack && step > f.cursor && Number.isFinite(norm)) {
      sampleStops(this.#grad, gradStrength(norm, this.#logMax), this.#rgb);
      c.setRGB(this.#rgb.r, this.#rgb.g, this.#rgb.b, SRGBColorSpace);
      return;
    }
    const revealed = step < 0 ? 1 : intoBack ? backRevealOf(f, step) : revealOf(f, step);
    c.copy(revealed > 0 || kind === ARROW_XH ? this.#arrow : this.#pending);
  }

  dispose(): void {
    this.#shaftGeom.dispose();
    this.#headGeom.dispose();
    this.#mat.dispose();
    this.shafts.dispose();
    this.heads.dispose();
  }
}
