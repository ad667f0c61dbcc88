/**
 * Level of detail: how many hidden units each step draws, and which steps get text labels, so the scene
 * stays legible and its instance count bounded from T = 2 to T = 200.
 */

/** Total unit cells drawn across all steps and columns. */
export const UNIT_BUDGET = 2400;
export const MIN_UNITS = 4;
export const MAX_UNITS = 32;
/** Most steps that get token labels; the rest are labelled on hover. */
export const MAX_LABELLED_STEPS = 40;

/**
 * Units drawn per cell column for `cells` cells of `columns` columns each (columns: h, plus gates when expanded).
 * Never more than H; never fewer than MIN_UNITS unless H is smaller.
 */
export function unitsPerCell(cells: number, H: number, columns = 1): number {
  const share = Math.floor(UNIT_BUDGET / Math.max(1, cells * columns));
  return Math.max(1, Math.min(H, MAX_UNITS, Math.max(MIN_UNITS, share)));
}

/** Label every k-th step. */
export function labelStride(steps: number, maxLabelled = MAX_LABELLED_STEPS): number {
  return Math.max(1, Math.ceil(steps / maxLabelled));
}

/**
 * Down-sample `values` (length H) into `n` ≤ H buckets by their mean, written to out[offset..offset+n).
 * With n = H each unit is its own bucket; an empty `values` gives NaN (drawn as "not recorded").
 */
export function bucketMeans(values: ArrayLike<number>, n: number, out: Float32Array, offset = 0): void {
  const H = values.length;
  for (let k = 0; k < n; k++) {
    const lo = Math.floor((k * H) / n);
    const hi = Math.max(lo + 1, Math.floor(((k + 1) * H) / n));
    if (lo >= H) {
      out[offset + k] = NaN;
      continue;
    }
    let sum = 0;
    for (let i = lo; i < hi && i < H; i++) sum += values[i];
    out[offset + k] = sum / (Math.min(hi, H) - lo);
  }
}
