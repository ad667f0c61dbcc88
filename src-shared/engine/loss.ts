/**
 * Losses over rows of logits y (one row per target token), each averaged over the batch's target tokens.
 * - softmax-ce:  L = −log softmax(y)[target];            ∂L/∂y = softmax(y) − onehot(target)
 * - mse:         L = (1/O) Σ_o (y_o − t_o)²,  t = onehot(target) (O > 1) or t = target itself (O = 1, regression);
 *                ∂L/∂y_o = 2 (y_o − t_o) / O
 * Both gradients are then multiplied by `scale` = 1 / (number of target tokens in the batch).
 */
import type { Kernels } from './kernels';
import type { FloatArray, LossKind } from './types';

/** Running sums of one scoring pass: [Σ loss, # correct, # tokens]. */
export type Tally = Float64Array;

export function createTally(): Tally {
  return new Float64Array(3);
}

/** Index of the largest of O values starting at off (first one on ties). */
export function argmaxRow(y: FloatArray, off: number, O: number): number {
  let best = 0;
  let bv = y[off];
  for (let o = 1; o < O; o++) {
    if (y[off + o] > bv) {
      bv = y[off + o];
      best = o;
    }
  }
  return best;
}

/** softmax of the O logits starting at off, as plain numbers (in float64). */
export function softmaxOf(y: FloatArray, off: number, O: number): number[] {
  let max = -Infinity;
  for (let o = 0; o < O; o++) max = Math.max(max, y[off + o]);
  const p = new Array<number>(O);
  let sum = 0;
  for (let o = 0; o < O; o++) sum += p[o] = Math.exp(y[off + o] - max);
  for (let o = 0; o < O; o++) p[o] /= sum;
  return p;
}

/**
 * Score one row: adds its loss, correctness and count to `tally`; writes scale·∂L/∂y into dy (when given).
 * Correct means argmax(y) = target, or |y − target| < 0.5 for a one-output regression.
 */
export function scoreRow(
  kind: LossKind,
  y: FloatArray,
  off: number,
  O: number,
  target: number,
  dy: FloatArray | null,
  scale: number,
  tally: Tally,
): void {
  tally[2] += 1;
  if (kind === 'softmax-ce') {
    let m = y[off];
    let best = 0;
    for (let o = 1; o < O; o++) {
      if (y[off + o] > m) {
        m = y[off + o];
        best = o;
      }
    }
    let sum = 0;
    if (dy) {
      // exp once, kept in dy, normalised below
      for (let o = 0; o < O; o++) {
        const e = Math.exp(y[off + o] - m);
        dy[off + o] = e;
        sum += e;
      }
    } else {
      for (let o = 0; o < O; o++) sum += Math.exp(y[off + o] - m);
    }
    // −log p_target = log Σ exp(y − m) + m − y_target
    tally[0] += Math.log(sum) + m - y[off + target];
    if (best === target) tally[1] += 1;
    if (dy) {
      const inv = scale / sum;
      for (let o = 0; o < O; o++) dy[off + o] *= inv;
      dy[off + target] -= scale;
    }
    return;
  }
  let l = 0;
  for (let o = 0; o < O; o++) {
    const t = O === 1 ? target : o === target ? 1 : 0;
    const e = y[off + o] - t;
    l += e * e;
    if (dy) dy[off + o] = (2 * e * scale) / O;
  }
  tally[0] += l / O;
  if (O === 1 ? Math.abs(y[off] - target) < 0.5 : argmaxRow(y, off, O) === target) tally[1] += 1;
}

/**
 * Score every row r < rows whose mask[r] is set (target targets[r]), as scoreRow does one at a time, writing
 * scale·∂L/∂y into dy. A softmax loss goes to the kernel set's one-call scoring when it has one and can reach y
 * and dy (float32 exponentials, so the last bits may differ from scoreRow's).
 */
export function scoreRows(
  kind: LossKind,
  y: FloatArray,
  rows: number,
  O: number,
  targets: Float64Array,
  mask: Uint8Array,
  dy: FloatArray,
  scale: number,
  tally: Tally,
  kernels: Kernels,
): void {
  const fast = kind === 'softmax-ce' ? kernels.softmax : undefined;
  if (fast && fast.owns(y) && fast.owns(dy)) {
    const r = fast.score(rows, O, y, targets, mask, dy, scale);
    if (r) {
      let count = 0;
      for (let i = 0; i < rows; i++) count += mask[i];
      tally[0] += r.loss;
      tally[1] += r.correct;
      tally[2] += count;
      return;
    }
  }
  for (let r = 0; r < rows; r++) if (mask[r]) scoreRow(kind, y, r * O, O, targets[r], dy, scale, tally);
}

