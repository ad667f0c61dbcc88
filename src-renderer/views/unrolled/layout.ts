import type { ChainData } from './chain-data';
import { cellColumns, cellWidthFor } from './cell-columns';
import { MATRIX_GROUP } from './matrix-names';

/**
 * Where everything sits, in world units (x to the right = time, y up), for the rolled cell and for the
 * unrolled chain. Nodes are cells, inputs, outputs and the context vector; arrows join two nodes. The
 * renderer interpolates each node between its rolled and unrolled place, so the unroll animation needs
 * no layout work per frame.
 */

export const NODE_CELL = 0;
export const NODE_BACK = 1;
export const NODE_IN = 2;
export const NODE_OUT = 3;
export const NODE_CTX = 4;
/** Two layers: a copy of the lower cell (layer 1), in a row of its own under the top layer's. */
export const NODE_LOWER = 5;
/** Two layers, bidirectional: a copy of layer 1's right-to-left cell, in the row between layer 1's h→ and the top. */
export const NODE_LOWER_BACK = 6;

export const ARROW_XH = 0;
export const ARROW_HH = 1;
export const ARROW_HY = 2;
export const ARROW_CTX = 3;
/** LSTM cell-state path c_{t-1} → c_t (drawn along the top of expanded cells). */
export const ARROW_CC = 4;

export const CELL_H = 2.4;
export const GAP = 0.8;
export const IN_Y = -2.5;
/** Two layers: the lower cells' row, and the inputs' row under it. */
export const LOWER_Y = -3.2;
export const IN_Y_LOWER = -5.7;
/**
 * Two layers, bidirectional: layer 1's right-to-left row sits where the lower row of one direction would, its
 * left-to-right row under it (h← above h→ in each layer, as in the top one), a wider gap between the layers.
 */
export const LOWER_BACK_Y = -3.6;
export const LOWER_Y_BIDIR = -6.9;
export const IN_Y_LOWER_BIDIR = -9.4;
/**
 * Bidirectional: the arrows between rows run in lanes beside the copies' centre line (x offsets), so arrows from
 * the two directions that share a stretch of the column stay apart: the inner lane for neighbouring rows, the outer
 * one for the arrows from layer 1's h→ row to the top h← row and from layer 1's h← row to it.
 */
export const LANE_INNER = 0.12;
export const LANE_OUTER = 0.3;
/** Most arrows per step: x → both lower rows, both lower rows → both top rows, four h→h, c→c and two h→y. */
export const ARROWS_PER_STEP = 13;
export const BACK_Y = 3.3;
export const OUT_Y = 2.5;
export const OUT_Y_BIDIR = 5.8;
export const TOKEN_HALF = { x: 0.5, y: 0.22 };
export const CTX_HALF = { x: 0.22, y: 0.6 };

export interface LayoutOptions {
  /** Gated cells drawn with one column per gate. */
  readonly expanded: boolean;
}

export interface ChainLayout {
  readonly nodeCount: number;
  readonly nodeKind: Uint8Array;
  /** Step of each node, -1 for the context vector. */
  readonly nodeStep: Int16Array;
  readonly rolled: Float32Array;
  readonly unrolled: Float32Array;
  /** Per step: node index of its cell, right-to-left cell, lower-layer cells, input and output (-1 where absent). */
  readonly cellNode: Int32Array;
  readonly backNode: Int32Array;
  readonly lowerNode: Int32Array;
  readonly lowerBackNode: Int32Array;
  readonly inNode: Int32Array;
  readonly outNode: Int32Array;
  readonly arrowCount: number;
  readonly arrowFrom: Int32Array;
  readonly arrowTo: Int32Array;
  readonly arrowKind: Uint8Array;
  /** Step an arrow belongs to (its target's step), -1 for the context bridge. */
  readonly arrowStep: Int16Array;
  /** Matrix id of each arrow (see MATRIX_NAMES), −1 for the context bridge and the cell-state path. */
  readonly arrowMatrix: Int16Array;
  /** World x offset of each arrow from the centres of its ends (its lane, see LANE_INNER); 0 for most. */
  readonly arrowLane: Float32Array;
  /** Rolled cells that get a self-loop: node indices. */
  readonly loopNodes: readonly number[];
  /** Unit columns of each cell, left to right (see cellColumns). */
  readonly columns: readonly string[];
  readonly cellWidth: number;
  readonly spacing: number;
  /** World y of the inputs' row (lower with two layers). */
  readonly inY: number;
  /**
   * Two layers, bidirectional: the rows are named beside their first copies, left of `bounds` (the scene frames room
   * for them), clear of the arrows that cross the gaps between rows; else titles sit in those gaps.
   */
  readonly titlesBeside: boolean;
  readonly bounds: { minX: number; maxX: number; minY: number; maxY: number };
}

export interface Half {
  x: number;
  y: number;
}

/** Half extents of a node's box, used to stop arrows at its edge (written to `out`). */
export function nodeHalf(kind: number, cellWidth: number, out: Half = { x: 0, y: 0 }): Half {
  const h = kind === NODE_CELL || kind === NODE_BACK || kind === NODE_LOWER || kind === NODE_LOWER_BACK ? null : kind === NODE_CTX ? CTX_HALF : TOKEN_HALF;
  out.x = h ? h.x : cellWidth / 2;
  out.y = h ? h.y : CELL_H / 2;
  return out;
}

export function computeLayout(chain: ChainData, opts: LayoutOptions): ChainLayout {
  const steps = chain.steps;
  const T = steps.length;
  const bidir = chain.bidirectional;
  const columns = cellColumns(chain, opts.expanded);
  const cellWidth = cellWidthFor(columns.length);
  const S = cellWidth + GAP;
  const outY = bidir ? OUT_Y_BIDIR : OUT_Y;
  const lowerRow = chain.hasLower;
  const lowerBackRow = lowerRow && bidir;
  const lowerY = lowerBackRow ? LOWER_Y_BIDIR : LOWER_Y;
  const inY = lowerBackRow ? IN_Y_LOWER_BIDIR : lowerRow ? IN_Y_LOWER : IN_Y;
  const maxNodes = T * 6 + 1;
  const nodeKind = new Uint8Array(maxNodes);
  const nodeStep = new Int16Array(maxNodes);
  const rolled = new Float32Array(maxNodes * 3);
  const unrolled = new Float32Array(maxNodes * 3);
  const cellNode = new Int32Array(T).fill(-1);
  const backNode = new Int32Array(T).fill(-1);
  const lowerNode = new Int32Array(T).fill(-1);
  const lowerBackNode = new Int32Array(T).fill(-1);
  const inNode = new Int32Array(T).fill(-1);
  const outNode = new Int32Array(T).fill(-1);
  let n = 0;
  const node = (kind: number, step: number, x: number, y: number, rx: number) => {
    nodeKind[n] = kind;
    nodeStep[n] = step;
    unrolled.set([x, y, 0], n * 3);
    rolled.set([rx, y, 0], n * 3);
    return n++;
  };

  const xOf = (t: number) => (steps[t].section === 'decoder' ? (t + 1) * S : t * S);
  const rootX = (t: number) => (steps[t].section === 'decoder' ? xOf(chain.encoderLength) : 0);
  const hasBack = (t: number) => bidir && steps[t].section !== 'decoder';
  const loopNodes: number[] = [];
  for (let t = 0; t < T; t++) {
    const s = steps[t];
    const x = xOf(t);
    const rx = rootX(t);
    cellNode[t] = node(NODE_CELL, t, x, 0, rx);
    if (s.local === 0) loopNodes.push(cellNode[t]);
    if (hasBack(t)) {
      backNode[t] = node(NODE_BACK, t, x, BACK_Y, rx);
      if (s.local === 0) loopNodes.push(backNode[t]);
    }
    if (lowerRow && s.section !== 'decoder') {
      lowerNode[t] = node(NODE_LOWER, t, x, lowerY, rx);
      if (s.local === 0) loopNodes.push(lowerNode[t]);
    }
    if (lowerBackRow && hasBack(t)) {
      lowerBackNode[t] = node(NODE_LOWER_BACK, t, x, LOWER_BACK_Y, rx);
      if (s.local === 0) loopNodes.push(lowerBackNode[t]);
    }
    if (s.x !== null) inNode[t] = node(NODE_IN, t, x, inY, rx);
    if (s.y !== null || s.target !== null) outNode[t] = node(NODE_OUT, t, x, outY, rx);
  }
  const ctx = chain.encoderLength > 0 && chain.encoderLength < T ? node(NODE_CTX, -1, chain.encoderLength * S, 0, chain.encoderLength * S) : -1;

  const maxArrows = T * ARROWS_PER_STEP + 4;
  const arrowFrom = new Int32Array(maxArrows);
  const arrowTo = new Int32Array(maxArrows);
  const arrowKind = new Uint8Array(maxArrows);
  const arrowStep = new Int16Array(maxArrows);
  const arrowMatrix = new Int16Array(maxArrows);
  const arrowLane = new Float32Array(maxArrows);
  let a = 0;
  const groupOf = (kind: number, to: number, step: number) => {
    if (kind === ARROW_HY) return MATRIX_GROUP.main;
    const k = nodeKind[to];
    if (k === NODE_LOWER_BACK) return MATRIX_GROUP.lowerBackward;
    if (k === NODE_LOWER) return MATRIX_GROUP.lower;
    if (k === NODE_BACK) return MATRIX_GROUP.backward;
    return steps[step]?.section === 'decoder' ? MATRIX_GROUP.decoder : MATRIX_GROUP.main;
  };
  const arrow = (from: number, to: number, kind: number, step: number, lane = 0) => {
    if (from < 0 || to < 0) return;
    arrowFrom[a] = from;
    arrowTo[a] = to;
    arrowKind[a] = kind;
    arrowStep[a] = step;
    arrowMatrix[a] = kind <= ARROW_HY ? kind + 3 * groupOf(kind, to, step) : -1;
    arrowLane[a] = lane;
    a++;
  };
  // Bidirectional: arrows from or into a left-to-right copy take the left lane, right-to-left ones the right lane.
  const inner = bidir ? LANE_INNER : 0;
  const outer = bidir ? LANE_OUTER : 0;
  const gatedLstm = opts.expanded && chain.gateNames.length === 4;
  for (let t = 0; t < T; t++) {
    // Two layers: x_t feeds layer 1, whose h_t is the top layer's input: [h→¹_t ; h←¹_t] when bidirectional.
    if (lowerNode[t] >= 0) {
      arrow(inNode[t], lowerNode[t], ARROW_XH, t, -inner);
      arrow(inNode[t], lowerBackNode[t], ARROW_XH, t, inner);
      arrow(lowerNode[t], cellNode[t], ARROW_XH, t, -inner);
      arrow(lowerBackNode[t], cellNode[t], ARROW_XH, t, inner);
      arrow(lowerNode[t], backNode[t], ARROW_XH, t, lowerBackNode[t] >= 0 ? -outer : inner);
      arrow(lowerBackNode[t], backNode[t], ARROW_XH, t, outer);
    } else {
      arrow(inNode[t], cellNode[t], ARROW_XH, t, -inner);
      arrow(inNode[t], backNode[t], ARROW_XH, t, inner);
    }
    const sameSection = t > 0 && steps[t - 1].section === steps[t].section;
    if (sameSection) {
      arrow(lowerNode[t - 1], lowerNode[t], ARROW_HH, t);
      arrow(lowerBackNode[t], lowerBackNode[t - 1], ARROW_HH, t - 1);
      arrow(cellNode[t - 1], cellNode[t], ARROW_HH, t);
      if (gatedLstm) arrow(cellNode[t - 1], cellNode[t], ARROW_CC, t);
      arrow(backNode[t], backNode[t - 1], ARROW_HH, t - 1);
    }
    if (outNode[t] >= 0) {
      arrow(cellNode[t], outNode[t], ARROW_HY, t, -inner);
      // Bidirectional: the output reads [h→_t ; h←_t]; with one output at the end, h← has finished at step 1.
      const back = chain.shape === 'many-to-one' ? backNode[firstOfSection(chain, t)] : backNode[t];
      arrow(back, outNode[t], ARROW_HY, t, inner);
    }
  }
  if (ctx >= 0) {
    const lastEnc = chain.encoderLength - 1;
    arrow(cellNode[lastEnc], ctx, ARROW_CTX, -1);
    arrow(backNode[0], ctx, ARROW_CTX, -1);
    arrow(ctx, cellNode[chain.encoderLength], ARROW_CTX, -1);
  }

  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  const h: Half = { x: 0, y: 0 };
  for (let i = 0; i < n; i++) {
    nodeHalf(nodeKind[i], cellWidth, h);
    minX = Math.min(minX, unrolled[i * 3] - h.x);
    maxX = Math.max(maxX, unrolled[i * 3] + h.x);
    minY = Math.min(minY, unrolled[i * 3 + 1] - h.y);
    maxY = Math.max(maxY, unrolled[i * 3 + 1] + h.y);
  }
  if (n === 0) [minX, maxX, minY, maxY] = [-1, 1, -1, 1];

  return {
    nodeCount: n,
    nodeKind: nodeKind.subarray(0, n),
    nodeStep: nodeStep.subarray(0, n),
    rolled: rolled.subarray(0, n * 3),
    unrolled: unrolled.subarray(0, n * 3),
    cellNode,
    backNode,
    lowerNode,
    lowerBackNode,
    inNode,
    outNode,
    arrowCount: a,
    arrowFrom: arrowFrom.subarray(0, a),
    arrowTo: arrowTo.subarray(0, a),
    arrowKind: arrowKind.subarray(0, a),
    arrowStep: arrowStep.subarray(0, a),
    arrowMatrix: arrowMatrix.subarray(0, a),
    arrowLane: arrowLane.subarray(0, a),
    loopNodes,
    columns,
    cellWidth,
    spacing: S,
    inY,
    titlesBeside: lowerBackRow,
    bounds: { minX, maxX, minY, maxY },
  };
}

function firstOfSection(chain: ChainData, t: number): number {
  let i = t;
  while (i > 0 && chain.steps[i - 1].section === chain.steps[t].section) i--;
  return i;
}

/**
 * Position of node i with unroll fraction u ∈ [0, 1] (0 = rolled, 1 = unrolled), written to out[0..3).
 */
export function nodePosition(layout: ChainLayout, i: number, u: number, out: Float32Array | number[]): void {
  const o = i * 3;
  for (let k = 0; k < 3; k++) out[k] = layout.rolled[o + k] + (layout.unrolled[o + k] - layout.rolled[o + k]) * u;
}

/** Fraction of a centre-to-centre line (dx, dy) that lies inside a box of half extents h centred at one end. */
export function boxCut(dx: number, dy: number, h: Half): number {
  const tx = Math.abs(dx) > 1e-9 ? h.x / Math.abs(dx) : Infinity;
  const ty = Math.abs(dy) > 1e-9 ? h.y / Math.abs(dy) : Infinity;
  return Math.min(tx, ty);
}
