import type { StepPoint } from '../../src-shared/protocol/trainer-messages';

/** Weight of the past in the exponential moving averages drawn over the noisy per-batch curves. */
export const SMOOTHING = 0.95;

/** A downsampled view of the history, ready to draw. */
export interface HistorySeries {
  readonly step: Float64Array;
  readonly loss: Float64Array;
  readonly smoothLoss: Float64Array;
  readonly smoothAccuracy: Float64Array;
  readonly length: number;
}

/**
 * The run's step-by-step scalars in growable typed arrays (a long run has 100k steps: no objects per point).
 * Smoothed values are bias-corrected EMAs, so the first smoothed loss equals the first raw loss.
 */
export class LossHistory {
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
  }

  /** Append in order; a point at or before the last step means the run went back (reset or restore). */
  append(points: readonly StepPoint[]): void {
    for (const p of points) {
      if (this.#n > 0 && p.step <= this.lastStep) this.#truncateFrom(p.step);
      this.#push(p);
    }
  }

  /** At most `maxPoints` points: consecutive steps are averaged into buckets. */
  series(maxPoints: number): HistorySeries {
    const n = this.#n;
    const bucket = Math.max(1, Math.ceil(n / Math.max(1, maxPoints)));
    const m = Math.ceil(n / bucket);
    const out = {
      step: new Float64Array(m),
      loss: new Float64Array(m),
      smoothLoss: new Float64Array(m),
      smoothAccuracy: new Float64Array(m),
      length: m,
    };
    for (let j = 0; j < m; j++) {
      const lo = j * bucket;
      const hi = Math.min(n, lo + bucket);
      let sum = 0;
      for (let i = lo; i < hi; i++) sum += this.#loss[i];
      out.loss[j] = sum / (hi - lo);
      out.step[j] = this.#step[hi - 1];
      out.smoothLoss[j] = this.#sLoss[hi - 1];
      out.smoothAccuracy[j] = this.#sAcc[hi - 1];
    }
    return out;
  }

  #truncateFrom(step: number): void {
    let n = this.#n;
    while (n > 0 && this.#step[n - 1] >= step) n--;
    this.#n = n;
  }

  #push(p: StepPoint): void {
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
