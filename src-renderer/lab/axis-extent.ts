/** Round numbers an axis may end at, per decade: consecutive ones differ by at most 1.5×. */
const LADDER = [1, 1.5, 2, 3, 4, 5, 6, 8, 10] as const;

/**
 * The smallest round number (1, 1.5, 2, 3, 4, 5, 6 or 8 × 10^k) at or above `value` (positive, finite).
 *
 * A live chart's step axis ends there instead of at the latest step, so its ticks are rebuilt only when the run
 * crosses the next round number (about nine times per tenfold growth), not on every message, and the curve
 * always fills at least two thirds of the width.
 */
export function roundUpForAxis(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const decade = 10 ** Math.floor(Math.log10(value));
  for (const m of LADDER) {
    // Relative tolerance: 3000 must stay 3000, not become 4000 because 3 × 1000 rounds to 2999.9999999999995.
    const candidate = m * decade;
    if (candidate >= value * (1 - 1e-12)) return Number(candidate.toPrecision(12));
  }
  return 10 * decade;
}
