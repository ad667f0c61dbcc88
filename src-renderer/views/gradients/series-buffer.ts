/**
 * A growing per-step series in typed arrays, with a bucketed read-out for drawing: a 100k-step run becomes at
 * most `maxPoints` points (bucket mean, or max for quantities where spikes matter, like gradient norms).
 */
import type { XY } from './chart-types';

export class SeriesBuffer {
  #x = new Float64Array(1024);
  #y = new Float64Array(1024);
  length = 0;

  push(x: number, y: number): void {
    if (this.length === this.#x.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.#x = grow(this.#x);
      this.#y = grow(this.#y);
    }
    this.#x[this.length] = x;
    this.#y[this.length] = y;
    this.length++;
  }

  clear(): void {
    this.length = 0;
  }

  /** At most `maxPoints` points; each bucket is drawn at its last x with the mean (or max) of its y. */
  points(maxPoints: number, reduce: 'mean' | 'max' = 'mean'): XY[] {
    const n = this.length;
    const bucket = Math.max(1, Math.ceil(n / Math.max(1, maxPoints)));
    const out: XY[] = [];
    for (let lo = 0; lo < n; lo += bucket) {
      const hi = Math.min(n, lo + bucket);
      let acc = reduce === 'max' ? -Infinity : 0;
      let k = 0;
      for (let i = lo; i < hi; i++) {
        const y = this.#y[i];
        if (!Number.isFinite(y)) continue;
        acc = reduce === 'max' ? Math.max(acc, y) : acc + y;
        k++;
      }
      out.push({ x: this.#x[hi - 1], y: k === 0 ? NaN : reduce === 'max' ? acc : acc / k });
    }
    return out;
  }
}
