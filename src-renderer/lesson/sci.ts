const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/** `x` as "4.6 × 10⁻¹⁶" with `digits` significant figures; plain notation between 0.001 and 10 000. */
export function sci(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e4) return String(Number(x.toPrecision(digits)));
  const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
  const exp = String(Number(exponent)).split('').map((c) => SUPERSCRIPT[c] ?? c).join('');
  return `${mantissa} × 10${exp}`;
}
