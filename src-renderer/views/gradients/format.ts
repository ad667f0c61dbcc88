/** Number formatting for readouts and the worked example: scientific notation written as a person would. */

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/** 4.6e-16 → "4.6 × 10⁻¹⁶"; ordinary magnitudes stay plain ("0.35", "12.4"). */
export function formatSci(x: number, digits = 2): string {
  if (Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e5) return Number(x.toPrecision(digits + 1)).toString();
  const [mant, exp] = x.toExponential(digits - 1).split('e');
  const e = String(Number(exp)).replace(/./g, (ch) => SUPERSCRIPT[ch] ?? ch);
  return `${Number(mant)} × 10${e}`;
}

/** 0.8734 → "87%". */
export function formatPercent(x: number): string {
  return Number.isFinite(x) ? `${Math.round(x * 100)}%` : '—';
}

/** Milliseconds → "12.3 s". */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
