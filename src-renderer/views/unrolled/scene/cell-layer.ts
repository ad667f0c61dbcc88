import { BoxGeometry, CircleGeometry, Color, InstancedMesh, MeshBasicMaterial, SRGBColorSpace, TorusGeometry, type Object3D } from 'three';
import type { ChainData } from '../chain-data';
import { divergingColour, mixToward, parseStops, sampleStops, hexToRgb, type Palette, type RGB } from '../colour-scale';
import { gradSize, gradStrength, logMaxNorm } from '../grad-scale';
import { allDhNorms, isCopy, rowDhNorm, rowState, runsRightToLeft } from '../chain-rows';
import { CELL_H, NODE_BACK, NODE_CELL, NODE_CTX, NODE_LOWER, NODE_LOWER_BACK, nodePosition, type ChainLayout } from '../layout';
import { bucketMeans, unitsPerCell } from '../lod';
import { backGradRevealOf, backRevealOf, copyWeight, gradRevealOf, revealOf, type FrameState } from './frame';

/**
 * Gates squashed by a sigmoid (0..1); the others (g, n) and h are in tanh range. The LSTM cell state c is not
 * squashed: it shares h's scale, and values past ±1 take its end colours.
 */
const SIGMOID_GATES = new Set(['i', 'f', 'o', 'r', 'z', 'u']);
export const UNIT_CAPACITY = 8192;
const LOOP_GAP = 0.9;
/** Chains whose unit values are cached per step: the top one, the right-to-left one, layer 1's two. */
const CHAINS = 4;
/** Slot of each row's chain in the cache, by node kind (rows other than the top draw h only). */
const SLOT: Readonly<Record<number, number>> = { [NODE_CELL]: 0, [NODE_BACK]: 1, [NODE_LOWER]: 2, [NODE_LOWER_BACK]: 3 };
/** Rolled self-loops: one per section and chain at most (the encoder's four chains, the decoder). */
const MAX_LOOPS = 8;

/**
 * The cells of the chain: translucent frames (one per cell and the context vector), the hidden units as
 * small coloured boxes, the gradient markers of the backward pass and the self-loops of the rolled cell.
 * Four InstancedMeshes, whatever T is.
 */
export class CellLayer {
  readonly frames: InstancedMesh;
  readonly units: InstancedMesh;
  readonly grads: InstancedMesh;
  readonly loops: InstancedMesh;
  /** Step drawn by each frame instance (−1 for the context vector), for picking. */
  readonly frameStep: Int16Array;
  readonly #geoms = [new BoxGeometry(1, 1, 1), new BoxGeometry(1, 1, 1), new CircleGeometry(1, 28), new TorusGeometry(0.62, 0.045, 8, 40, Math.PI * 2 - LOOP_GAP)];
  readonly #mats = [
    new MeshBasicMaterial({ transparent: true, opacity: 0.28, depthWrite: false }),
    new MeshBasicMaterial(),
    new MeshBasicMaterial({ transparent: true, opacity: 0.92 }),
    new MeshBasicMaterial(),
  ];
  /** Cached unit values [step][chain: see SLOT][column][unit]; NaN = not recorded. */
  #values = new Float32Array(0);
  #columns: readonly string[] = ['h'];
  #n = 1;
  #logMax = NaN;
  readonly #pos = new Float32Array(3);
  readonly #rgb: RGB = { r: 0, g: 0, b: 0 };
  readonly #c = new Color();
  #div = parseStops(['#000000', '#ffffff']);
  #grad = parseStops(['#000000', '#ffffff']);
  readonly #pending: RGB = { r: 0, g: 0, b: 0 };
  readonly #background: RGB = { r: 0, g: 0, b: 0 };
  readonly #frame = new Color();
  readonly #frameAlt = new Color();
  readonly #highlight = new Color();
  readonly #arrow = new Color();

  constructor(maxCells: number) {
    this.frames = new InstancedMesh(this.#geoms[0], this.#mats[0], maxCells + 1);
    this.frameStep = new Int16Array(maxCells + 1);
    this.units = new InstancedMesh(this.#geoms[1], this.#mats[1], UNIT_CAPACITY);
    this.grads = new InstancedMesh(this.#geoms[2], this.#mats[2], maxCells);
    this.loops = new InstancedMesh(this.#geoms[3], this.#mats[3], MAX_LOOPS);
    for (const m of [this.frames, this.units, this.grads, this.loops]) {
      m.setColorAt(0, new Color());
      m.frustumCulled = false;
    }
    this.frames.renderOrder = 1;
  }

  /** Recompute the cached unit values when the data or the layout changes (not per frame); columns come from the layout. */
  setData(chain: ChainData, layout: ChainLayout): void {
    this.#columns = layout.columns;
    let cells = 0;
    for (let i = 0; i < layout.nodeCount; i++) if (isCopy(layout.nodeKind[i])) cells++;
    const cols = this.#columns.length;
    this.#n = Math.max(1, Math.min(Math.floor(UNIT_CAPACITY / Math.max(1, cells * cols)), unitsPerCell(cells, chain.H, cols)));
    const n = this.#n;
    const T = chain.steps.length;
    this.#values = new Float32Array(T * CHAINS * cols * n).fill(NaN);
    for (let t = 0; t < T; t++) {
      const s = chain.steps[t];
      for (let c = 0; c < cols; c++) {
        const name = this.#columns[c];
        const src = name === 'h' ? s.h : name === 'c' ? s.c : s.gates[name];
        if (src && src.length > 0) {
          const o = (t * CHAINS * cols + c) * n;
          bucketMeans(src, n, this.#values, o);
          if (SIGMOID_GATES.has(name)) for (let k = 0; k < n; k++) this.#values[o + k] = this.#values[o + k] * 2 - 1;
        }
      }
      // The other chains draw h only, in the last column.
      for (const kind of [NODE_BACK, NODE_LOWER, NODE_LOWER_BACK]) {
        const h = rowState(s, kind);
        if (h && h.length > 0) bucketMeans(h, n, this.#values, ((t * CHAINS + SLOT[kind]) * cols + cols - 1) * n);
      }
    }
    // One log scale for every row's gradient markers, so the rows can be compared.
    this.#logMax = logMaxNorm(allDhNorms(chain.steps));
  }

  setPalette(palette: Palette): void {
    this.#div = parseStops(palette.diverging);
    this.#grad = parseStops(palette.gradient);
    hexToRgb(palette.pending, this.#pending);
    hexToRgb(palette.background, this.#background);
    this.#frame.setStyle(palette.frame, SRGBColorSpace);
    this.#frameAlt.setStyle(palette.frameAlt, SRGBColorSpace);
    this.#highlight.setStyle(palette.highlight, SRGBColorSpace);
    this.#arrow.setStyle(palette.arrow, SRGBColorSpace);
  }

  get unitsPerColumn(): number {
    return this.#n;
  }

  update(f: FrameState, dummy: Object3D): void {
    const { layout, chain } = f;
    const p = this.#pos;
    const c = this.#c;
    const cw = layout.cellWidth;
    let nf = 0, nu = 0, ng = 0, nl = 0;
    const cols = this.#columns.length;
    const n = this.#n;
    const colW = (cw - 0.16) / cols;
    const uh = (CELL_H - 0.2) / n;
    for (let i = 0; i < layout.nodeCount; i++) {
      const kind = layout.nodeKind[i];
      if (!isCopy(kind) && kind !== NODE_CTX) continue;
      const t = layout.nodeStep[i];
      const w = t < 0 ? f.unroll : copyWeight(f, t);
      nodePosition(layout, i, f.unroll, p);
      const isCtx = kind === NODE_CTX;
      dummy.rotation.set(0, 0, 0);
      dummy.position.set(p[0], p[1], 0);
      dummy.scale.set((isCtx ? 0.44 : cw) * w + 1e-4, (isCtx ? 1.2 : CELL_H) * w + 1e-4, 0.3 * w + 1e-4);
      dummy.updateMatrix();
      this.frames.setMatrixAt(nf, dummy.matrix);
      this.frameStep[nf] = t;
      const focus = t >= 0 && (t === f.selected || (t === f.cursor && f.unroll > 0.5));
      const alt = kind !== NODE_CELL || chain.steps[t]?.section === 'decoder';
      this.frames.setColorAt(nf++, focus ? this.#highlight : alt ? this.#frameAlt : this.#frame);
      if (isCtx || w <= 0.001) continue;

      if (f.unroll < 0.999 && chain.steps[t].local === 0 && nl < MAX_LOOPS) {
        const lw = 1 - f.unroll;
        dummy.position.set(p[0] + cw / 2, p[1], 0);
        dummy.rotation.set(0, 0, Math.PI + LOOP_GAP / 2);
        dummy.scale.set(lw, lw, lw);
        dummy.updateMatrix();
        this.loops.setMatrixAt(nl, dummy.matrix);
        this.loops.setColorAt(nl++, this.#arrow);
        dummy.rotation.set(0, 0, 0);
      }

      const leftward = runsRightToLeft(kind);
      const chainSlot = SLOT[kind];
      const reveal = leftward ? backRevealOf(f, t) : revealOf(f, t);
      for (let col = chainSlot > 0 ? cols - 1 : 0; col < cols; col++) {
        const base = ((t * CHAINS + chainSlot) * cols + col) * n;
        const ux = p[0] - cw / 2 + 0.08 + (col + 0.5) * colW;
        for (let k = 0; k < n && nu < UNIT_CAPACITY; k++) {
          dummy.position.set(ux, p[1] - CELL_H / 2 + 0.1 + (k + 0.5) * uh, 0.17);
          dummy.scale.set(colW * 0.82 * w, uh * 0.82 * w, 0.08);
          dummy.updateMatrix();
          this.units.setMatrixAt(nu, dummy.matrix);
          this.#unitColour(this.#values[base + k], reveal);
          this.units.setColorAt(nu++, c);
        }
      }

      if (t >= 0) {
        const g = leftward ? backGradRevealOf(f, t) : gradRevealOf(f, t);
        const norm = rowDhNorm(chain.steps[t], kind);
        const strength = gradStrength(norm, this.#logMax);
        if (g > 0 && Number.isFinite(norm)) {
          // Size and colour say the norm (log scale); a step the backward pass has not reached yet is dimmed. The
          // marker sits on the h→h arrow the gradient leaves by: left of a left-to-right copy, right of the others.
          const r = gradSize(strength) * w * f.unroll;
          dummy.position.set(p[0] + (leftward ? 1 : -1) * (layout.spacing / 2), p[1], 0.3);
          dummy.scale.set(r, r, 1);
          dummy.updateMatrix();
          this.grads.setMatrixAt(ng, dummy.matrix);
          mixToward(sampleStops(this.#grad, strength, this.#rgb), this.#background, g);
          c.setRGB(this.#rgb.r, this.#rgb.g, this.#rgb.b, SRGBColorSpace);
          this.grads.setColorAt(ng++, c);
        }
      }
    }
    this.frames.count = nf;
    this.units.count = nu;
    this.grads.count = ng;
    this.loops.count = nl;
    for (const m of [this.frames, this.units, this.grads, this.loops]) {
      m.instanceMatrix.needsUpdate = true;
      if (m.instanceColor) m.instanceColor.needsUpdate = true;
    }
  }

  /** Colour of one unit into this.#c: its value once revealed, the pending grey before. */
  #unitColour(v: number, reveal: number): void {
    const rgb = this.#rgb;
    const pending = this.#pending;
    if (Number.isFinite(v) && reveal > 0) mixToward(divergingColour(this.#div, v, rgb), pending, reveal);
    else {
      rgb.r = pending.r;
      rgb.g = pending.g;
      rgb.b = pending.b;
    }
    this.#c.setRGB(rgb.r, rgb.g, rgb.b, SRGBColorSpace);
  }

  dispose(): void {
    for (const g of this.#geoms) g.dispose();
    for (const m of this.#mats) m.dispose();
    for (const m of [this.frames, this.units, this.grads, this.loops]) m.dispose();
  }
}
