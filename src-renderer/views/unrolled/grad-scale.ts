/**
 * How the backward pass is drawn: each step's ‖∂L/∂h_t‖ on a log scale relative to the largest norm of the
 * sequence, over a fixed number of decades, so a gradient that shrinks by 10⁻⁶ on its way back fades out
 * completely, whatever the absolute size of the loss.
 */
import { formatScalar, formatSci } from '../../i18n/format';
import { t } from '../../i18n/i18n.svelte';

/** Orders of magnitude shown between "as strong as the strongest step" and "vanished". */
export const GRAD_DECADES = 6;
/** Marker radius at strength 0 and 1 (world units). */
export const GRAD_SIZE_MIN = 0.08;
export const GRAD_SIZE_MAX = 0.32;

/** log10 of the largest finite positive norm, or NaN when there is none. */
export function logMaxNorm(norms: readonly number[]): number {
  let best = -Infinity;
  for (const n of norms) if (Number.isFinite(n) && n > 0 && n > best) best = n;
  return best === -Infinity ? NaN : Math.log10(best);
}

/** Strength in [0, 1]: 1 for the largest norm, 0 for GRAD_DECADES smaller or less (and for 0 or non-finite). */
export function gradStrength(norm: number, logMax: number, decades = GRAD_DECADES): number {
  if (!Number.isFinite(norm) || norm <= 0 || !Number.isFinite(logMax)) return 0;
  const t = 1 + (Math.log10(norm) - logMax) / decades;
  return Math.min(1, Math.max(0, t));
}

/** Marker radius for a strength (linear in log-norm). */
export function gradSize(strength: number): number {
  return GRAD_SIZE_MIN + (GRAD_SIZE_MAX - GRAD_SIZE_MIN) * Math.min(1, Math.max(0, strength));
}

/** A norm in the current locale: three significant figures ("0.500", "0,500"), "3.2 × 10⁻⁴" when tiny or huge. */
export function formatNorm(n: number): string {
  if (!Number.isFinite(n)) return t('ui.unrolled.notRecorded');
  if (n === 0) return '0';
  if (n >= 0.01 && n < 1000) return formatScalar(n);
  return formatSci(n, 3);
}
