/**
 * The data behind a gradient heatmap: one row per recorded training step, one column per time step t,
 * each cell log10 ‖∂L/∂h_t‖. Rows live in one growing Float32Array (no object per cell). When the grid
 * reaches its row cap it keeps every other row and from then on records every other step, so a long run
 * still fits while the newest rows stay exact.
 */
import { t } from '../../i18n/i18n.svelte';
import { toCsv } from './csv';

/** Columns beyond this are dropped (the engine's sequence cap). */
export const MAX_COLS = 200;

/** log10 of a norm; zero and non-finite norms become NaN ("no gradient reached here"). */
export function log10Norm(x: number): number {
  return x > 0 && Number.isFinite(x) ? Math.log10(x) : NaN;
}

export class GradientGrid {
  /** Number of time-step columns (the longest sequence seen so far). */
  cols = 0;
  /** Number of rows filled. */
  rows = 0;
  /** Record one pushed row in `stride`; doubles each time the cap is reached. */
  stride = 1;
  #values: Float32Array;
  #steps: Float64Array;
  #pushes = 0;
  /** Bumps on every change, for views that redraw lazily. */
  version = 0;

  constructor(readonly maxRows = 500) {
    if (maxRows < 2 || maxRows % 2 !== 0) throw new Error('maxRows must be an even number ≥ 2');
    this.#values = new Float32Array(maxRows * MAX_COLS).fill(NaN);
    this.#steps = new Float64Array(maxRows);
  }

  clear(): void {
    this.cols = this.rows = this.#pushes = 0;
    this.stride = 1;
    this.#values.fill(NaN);
    this.version++;
  }

  /** Add the norms of one training step; returns false when the row was skipped by the stride. */
  push(step: number, dhNorms: readonly number[]): boolean {
    const take = this.#pushes % this.stride === 0;
    this.#pushes++;
    if (!take) return false;
    if (this.rows === this.maxRows) this.#halve();
    const r = this.rows++;
    const n = Math.min(dhNorms.length, MAX_COLS);
    this.cols = Math.max(this.cols, n);
    const base = r * MAX_COLS;
    for (let t = 0; t < MAX_COLS; t++) this.#values[base + t] = t < n ? log10Norm(dhNorms[t]) : NaN;
    this.#steps[r] = step;
    this.version++;
    return true;
  }

  /** log10 ‖∂L/∂h_t‖ at row r, column t (0-based), NaN where there is none. */
  value(r: number, t: number): number {
    return r < this.rows && t < MAX_COLS ? this.#values[r * MAX_COLS + t] : NaN;
  }

  step(r: number): number {
    return this.#steps[r];
  }

  /** Smallest and largest finite value, or null for an empty grid. */
  extent(): [number, number] | null {
    let lo = Infinity;
    let hi = -Infinity;
    const n = this.rows * MAX_COLS;
    const v = this.#values;
    for (let i = 0; i < n; i++) {
      const x = v[i];
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    return lo <= hi ? [lo, hi] : null;
  }

  /** Mean over rows of the last `lastRows` rows, per column: the current profile of the gradient along t. */
  recentProfile(lastRows = 10): number[] {
    const out: number[] = [];
    const from = Math.max(0, this.rows - lastRows);
    for (let t = 0; t < this.cols; t++) {
      let sum = 0;
      let n = 0;
      for (let r = from; r < this.rows; r++) {
        const x = this.value(r, t);
        if (Number.isFinite(x)) {
          sum += x;
          n++;
        }
      }
      out.push(n > 0 ? sum / n : NaN);
    }
    return out;
  }

  /** Long format: one line per cell, with both the log and the plain norm. */
  toCsv(): string {
    const rows: (number | string)[][] = [];
    for (let r = 0; r < this.rows; r++) {
      for (let c = 0; c < this.cols; c++) {
        const x = this.value(r, c);
        if (Number.isFinite(x)) rows.push([this.step(r), c + 1, x, 10 ** x]);
      }
    }
    return toCsv([t('csv.trainingStep'), t('csv.t'), t('csv.log10GradNorm'), t('csv.gradNorm')], rows);
  }

  #halve(): void {
    const half = this.maxRows / 2;
    for (let r = 0; r < half; r++) {
      this.#values.copyWithin(r * MAX_COLS, 2 * r * MAX_COLS, (2 * r + 1) * MAX_COLS);
      this.#steps[r] = this.#steps[2 * r];
    }
    this.#values.fill(NaN, half * MAX_COLS);
    this.rows = half;
    this.stride *= 2;
  }
}
