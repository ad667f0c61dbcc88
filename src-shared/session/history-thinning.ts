/** Points per stretch when a long history is halved: each stretch keeps its lowest and highest loss. */
export const THIN_STRETCH = 4;

/**
 * Which points of a run's history to keep when it has grown too long, so that it roughly halves: in every stretch
 * of THIN_STRETCH consecutive points, the two with the lowest and the highest loss (the extremes a loss chart
 * draws), plus the very first and the very last point. A stretch whose losses are all non-finite keeps its first
 * point, so the chart still shows a break there. The indices are increasing and unique.
 *
 * Both ends of the training stream thin the same way: the trainer, for the history its checkpoints and saved runs
 * carry, and the renderer, for the curve it holds; so a long run keeps its whole span, not only its recent steps.
 */
export function thinnedIndices(loss: ArrayLike<number>, n = loss.length): Int32Array {
  const kept = new Int32Array(Math.min(n, 2 * Math.ceil(n / THIN_STRETCH) + 2));
  let w = 0;
  const keep = (i: number) => {
    if (w === 0 || i > kept[w - 1]) kept[w++] = i;
  };
  for (let g = 0; g < n; g += THIN_STRETCH) {
    const end = Math.min(n, g + THIN_STRETCH);
    let lo = -1;
    let hi = -1;
    for (let i = g; i < end; i++) {
      const x = loss[i];
      if (!Number.isFinite(x)) continue;
      if (lo < 0 || x < loss[lo]) lo = i;
      if (hi < 0 || x > loss[hi]) hi = i;
    }
    if (g === 0) keep(0);
    if (lo < 0) keep(g);
    else {
      keep(Math.min(lo, hi));
      keep(Math.max(lo, hi));
    }
    if (end === n) keep(n - 1);
  }
  return kept.subarray(0, w);
}

/** A history of at most `cap` points (cap ≥ 2·THIN_STRETCH): unchanged while it fits, else thinned until it does. */
export function capHistory<P extends { readonly loss: number }>(history: P[], cap: number): P[] {
  let out = history;
  while (out.length > cap) {
    const losses = out.map((p) => p.loss);
    const from = out;
    out = Array.from(thinnedIndices(losses), (i) => from[i]);
  }
  return out;
}
