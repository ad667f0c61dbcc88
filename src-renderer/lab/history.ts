import type { StepPoint } from '../../src-shared/protocol/trainer-messages';
import { THIN_STRETCH, thinnedIndices } from '../../src-shared/session/history-thinning';
import { bucketEnds, MinMaxDecimator } from './decimate';

/** Weight of the past in the exponential moving averages drawn over the noisy per-batch curves. */
export const SMOOTHING = 0.95;
/** Most points held (72 bytes each: about 7 MB); beyond that, the history is thinned to about half. */
export const MAX_POINTS = 100_000;

/**
 * The history as the chart draws it: its columns (views, valid until the next append) and, per curve, the indices
 * of the points worth drawing at the chart's width (see decimate.ts): the noisy per-batch loss keeps each bucket's
 * minimum and maximum, the smoothed curves one point per bucket.
 */
export interface HistorySeries {
  readonly step: ArrayLike<number>;
  readonly loss: ArrayLike<number>;
  readonly smoothLoss: ArrayLike<number>;
  readonly smoothAccuracy: ArrayLike<number>;
  /** Indices of the per-batch losses to draw. */
  readonly lossPoints: Int32Array;
  /** Indices of the smoothed loss and accuracy to draw. */
  readonly smoothPoints: Int32Array;
  /** Steps in the history. */
  readonly length: number;
}

/**
 * The run's step-by-step scalars in growable typed arrays (a long run has 100k steps: no objects per point).
 * Smoothed values are bias-corrected EMAs, so the first smoothed loss equals the first raw loss.
 * An hour at 500 steps a second would be 1.8M points (130 MB), so at `maxPoints` the history is thinned to half.
 */
export class LossHistory {
  /** Most points held before thinning (at least 2·THIN_STRETCH). */
  readonly maxPoints: number;
  #cap = 1024;
  #n = 0;
  #step = new Float64Array(this.#cap);
  #loss = new Float64Array(this.#cap);
  #acc = new Float64Array(this.#cap);
  #sLoss = new Float64Array(this.#cap);
  #sAcc = new Float64Array(this.#cap);
  /** EMA accumulators (before bias correction) at each index, so truncation can resume from any point. */
  #emaLoss = new Float64Array(this.#cap);
  #emaAcc = new Float64Array(this.#cap);
  /** Total EMA weight of the finite values so far (1 − β^k for k finite values): the bias correction. */
  #wLoss = new Float64Array(this.#cap);
  #wAcc = new Float64Array(this.#cap);
  /** The per-batch loss decimated for the chart, kept up to date by `series`; null until first drawn. */
  #decimator: MinMaxDecimator | null = null;
  /** Points were dropped (clear, reset or restore) since `series` last ran: the decimator starts over. */
  #rewritten = false;

  constructor(maxPoints = MAX_POINTS) {
    this.maxPoints = Math.max(2 * THIN_STRETCH, Math.floor(maxPoints));
  }

  get length(): number {
    return this.#n;
  }

  get lastStep(): number {
    return this.#n > 0 ? this.#step[this.#n - 1] : 0;
  }

  get first(): { loss: number; accuracy: number } | null {
    return this.#n > 0 ? { loss: this.#loss[0], accuracy: this.#acc[0] } : null;
  }

  /** Latest smoothed loss and accuracy (NaN when the task has no accuracy). */
  get latest(): { step: number; loss: number; accuracy: number; smoothLoss: number; smoothAccuracy: number } | null {
    const i = this.#n - 1;
    if (i < 0) return null;
    return { step: this.#step[i], loss: this.#loss[i], accuracy: this.#acc[i], smoothLoss: this.#sLoss[i], smoothAccuracy: this.#sAcc[i] };
  }

  clear(): void {
    this.#n = 0;
    this.#rewritten = true;
  }

  /** Append in order; a point at or before the last step means the run went back (reset or restore). */
  append(points: readonly StepPoint[]): void {
    for (const p of points) {
      if (this.#n > 0 && p.step <= this.lastStep) this.#truncateFrom(p.step);
      this.#push(p);
    }
  }

  /**
   * The curves decimated for a chart `columns` buckets wide (at most 3·columns + 2 points per curve). Only points appended
   * since the last call are visited, so a call costs O(new points + columns), not O(history); a new width, a clear
   * or a truncation starts over once.
   */
  series(columns: number): HistorySeries {
    const n = this.#n;
    if (this.#decimator?.columns !== columns) this.#decimator = new MinMaxDecimator(columns);
    else if (this.#rewritten) this.#decimator.reset();
    this.#rewritten = false;
    const decimator = this.#decimator;
    decimator.extend(this.#loss, n);
    return {
      step: this.#step.subarray(0, n),
      loss: this.#loss.subarray(0, n),
      smoothLoss: this.#sLoss.subarray(0, n),
      smoothAccuracy: this.#sAcc.subarray(0, n),
      lossPoints: decimator.indices(),
      smoothPoints: bucketEnds(n, decimator.bucketSize),
      length: n,
    };
  }

  #truncateFrom(step: number): void {
    let n = this.#n;
    while (n > 0 && this.#step[n - 1] >= step) n--;
    this.#n = n;
    this.#rewritten = true;
  }

  /**
   * Halve the history the way the trainer does (thinnedIndices). Smoothed values and the EMA accumulators are
   * kept as they were at each kept point, so the smoothed curves stay exact and appending carries on from them.
   */
  #thin(): void {
    const kept = thinnedIndices(this.#loss, this.#n);
    const columns = [this.#step, this.#loss, this.#acc, this.#sLoss, this.#sAcc, this.#emaLoss, this.#emaAcc, this.#wLoss, this.#wAcc];
    // Kept indices increase and are never below their new position, so copying in place is safe.
    for (let w = 0; w < kept.length; w++) for (const c of columns) c[w] = c[kept[w]];
    this.#n = kept.length;
    this.#rewritten = true;
  }

  #push(p: StepPoint): void {
    if (this.#n >= this.maxPoints) this.#thin();
    if (this.#n === this.#cap) this.#grow();
    const i = this.#n++;
    const loss = Number.isFinite(p.loss) ? p.loss : NaN;
    const acc = Number.isFinite(p.accuracy) ? p.accuracy : NaN;
    this.#step[i] = p.step;
    this.#loss[i] = loss;
    this.#acc[i] = acc;
    this.#ema(this.#emaLoss, this.#wLoss, this.#sLoss, i, loss);
    this.#ema(this.#emaAcc, this.#wAcc, this.#sAcc, i, acc);
  }

  /** ema_i = β·ema_{i−1} + (1−β)·x_i over finite x only; smoothed = ema_i / weight_i. */
  #ema(ema: Float64Array, weight: Float64Array, smooth: Float64Array, i: number, x: number): void {
    const prevEma = i > 0 ? ema[i - 1] : 0;
    const prevW = i > 0 ? weight[i - 1] : 0;
    const finite = Number.isFinite(x);
    ema[i] = finite ? SMOOTHING * prevEma + (1 - SMOOTHING) * x : prevEma;
    weight[i] = finite ? SMOOTHING * prevW + (1 - SMOOTHING) : prevW;
    smooth[i] = weight[i] > 0 ? ema[i] / weight[i] : NaN;
  }

  #grow(): void {
    this.#cap *= 2;
    const grow = (a: Float64Array) => {
      const b = new Float64Array(this.#cap);
      b.set(a);
      return b;
    };
    this.#step = grow(this.#step);
    this.#loss = grow(this.#loss);
    this.#acc = grow(this.#acc);
    this.#sLoss = grow(this.#sLoss);
    this.#sAcc = grow(this.#sAcc);
    this.#emaLoss = grow(this.#emaLoss);
    this.#emaAcc = grow(this.#emaAcc);
    this.#wLoss = grow(this.#wLoss);
    this.#wAcc = grow(this.#wAcc);
  }
}
