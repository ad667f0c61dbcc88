/**
 * Min/max decimation of a growing series for a line chart `columns` buckets wide, kept up to date as points arrive.
 *
 * Point i falls in bucket ⌊i / size⌋, where `size` is the smallest power of two that keeps at most `columns`
 * buckets; when the series outgrows them, neighbouring buckets merge in pairs and `size` doubles. Each bucket
 * remembers its smallest and largest finite value and its first non-finite one (a gap in the line), so the drawn
 * points keep every spike, every gap, and the first and last point, at a cost that does not grow with the series:
 * O(1) amortised per appended point, O(columns) per merge and per `indices()`.
 */
export class MinMaxDecimator {
  readonly columns: number;
  /** Points per bucket: a power of two. */
  #size = 1;
  #buckets = 0;
  #n = 0;
  /** Per bucket: index of the smallest finite value (−1 when the bucket has none) and that value. */
  readonly #lo: Int32Array;
  readonly #loV: Float64Array;
  /** Per bucket: index of the largest finite value (−1 when the bucket has none) and that value. */
  readonly #hi: Int32Array;
  readonly #hiV: Float64Array;
  /** Per bucket: index of the first non-finite value, or −1. */
  readonly #gap: Int32Array;

  constructor(columns: number) {
    if (!Number.isInteger(columns) || columns < 1) {
      throw new RangeError(`columns must be a positive integer, got ${columns}`);
    }
    this.columns = columns;
    this.#lo = new Int32Array(columns);
    this.#loV = new Float64Array(columns);
    this.#hi = new Int32Array(columns);
    this.#hiV = new Float64Array(columns);
    this.#gap = new Int32Array(columns);
  }

  /** Points taken in so far. */
  get length(): number {
    return this.#n;
  }

  /** Points per bucket (a power of two). */
  get bucketSize(): number {
    return this.#size;
  }

  /** Forget every point (the series was cleared or rewritten). */
  reset(): void {
    this.#size = 1;
    this.#buckets = 0;
    this.#n = 0;
  }

  /** Take in `values[this.length]` … `values[n − 1]`; earlier values must not have changed (else `reset` first). */
  extend(values: ArrayLike<number>, n: number): void {
    for (let i = this.#n; i < n; i++) this.#push(i, values[i]);
    this.#n = Math.max(this.#n, n);
  }

  /**
   * Indices of the points to draw, ascending: per bucket its minimum, maximum and first non-finite point, plus the
   * series' first and last point. At most 3·columns + 2; drawing them shows the same extremes and gaps as drawing all.
   */
  indices(): Int32Array {
    const n = this.#n;
    const out = new Int32Array(n === 0 ? 0 : 3 * this.#buckets + 2);
    let m = 0;
    const emit = (i: number) => {
      if (i >= 0 && (m === 0 || i > out[m - 1])) out[m++] = i;
    };
    if (n > 0) emit(0);
    for (let b = 0; b < this.#buckets; b++) {
      // lo and hi are both −1 (no finite value) or both set; the gap goes where it happened between them.
      const first = Math.min(this.#lo[b], this.#hi[b]);
      const last = Math.max(this.#lo[b], this.#hi[b]);
      const gap = this.#gap[b];
      if (gap >= 0 && gap < first) emit(gap);
      emit(first);
      if (gap > first && gap < last) emit(gap);
      emit(last);
      if (gap > last) emit(gap);
    }
    if (n > 0) emit(n - 1);
    return out.subarray(0, m);
  }

  #push(i: number, v: number): void {
    let b = Math.floor(i / this.#size);
    while (b >= this.columns) {
      this.#mergePairs();
      b = Math.floor(i / this.#size);
    }
    if (b === this.#buckets) {
      this.#buckets++;
      this.#lo[b] = -1;
      this.#hi[b] = -1;
      this.#gap[b] = -1;
    }
    if (!Number.isFinite(v)) {
      if (this.#gap[b] < 0) this.#gap[b] = i;
      return;
    }
    // Strict comparisons keep the earliest of equal values, so merging and appending agree.
    if (this.#lo[b] < 0 || v < this.#loV[b]) {
      this.#lo[b] = i;
      this.#loV[b] = v;
    }
    if (this.#hi[b] < 0 || v > this.#hiV[b]) {
      this.#hi[b] = i;
      this.#hiV[b] = v;
    }
  }

  /** Buckets 2k and 2k+1 become bucket k, and the bucket size doubles. */
  #mergePairs(): void {
    const count = Math.ceil(this.#buckets / 2);
    for (let k = 0; k < count; k++) {
      const a = 2 * k;
      const b = a + 1;
      this.#lo[k] = this.#lo[a];
      this.#loV[k] = this.#loV[a];
      this.#hi[k] = this.#hi[a];
      this.#hiV[k] = this.#hiV[a];
      this.#gap[k] = this.#gap[a];
      if (b >= this.#buckets) continue;
      if (this.#lo[b] >= 0 && (this.#lo[k] < 0 || this.#loV[b] < this.#loV[k])) {
        this.#lo[k] = this.#lo[b];
        this.#loV[k] = this.#loV[b];
      }
      if (this.#hi[b] >= 0 && (this.#hi[k] < 0 || this.#hiV[b] > this.#hiV[k])) {
        this.#hi[k] = this.#hi[b];
        this.#hiV[k] = this.#hiV[b];
      }
      if (this.#gap[k] < 0) this.#gap[k] = this.#gap[b];
    }
    this.#buckets = count;
    this.#size *= 2;
  }
}

/**
 * For curves that are already smooth (moving averages): the first point and the last point of every bucket of
 * `size` points, ascending. Bucket ends stay put until the bucket size doubles, so the curve does not shimmer.
 */
export function bucketEnds(n: number, size: number): Int32Array {
  if (n === 0) return new Int32Array(0);
  const out = new Int32Array(Math.ceil(n / size) + 1);
  let m = 0;
  out[m++] = 0;
  for (let end = size - 1; end < n - 1; end += size) if (end > 0) out[m++] = end;
  if (n > 1) out[m++] = n - 1;
  return out.subarray(0, m);
}

