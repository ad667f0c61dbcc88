/**
 * Reading a learner's number: "1234", "1 234", "1,234", "4.6e-16", "4,6e-16", "4.6 × 10^-16", "4.6·10⁻¹⁶".
 * Returns NaN when the text is not a number.
 */
const SUPERS: Record<string, string> = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

export function parseNumber(raw: string): number {
  let s = raw.trim().replace(/[\s\u00a0\u202f]/g, '').replace(/[−–]/g, '-');
  s = s.replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (m) => '^' + m.split('').map((c) => SUPERS[c]).join(''));
  // "a × 10^b", "a x 10^b", "a*10^b", "a·10^b"  →  "aeb"
  s = s.replace(/^(.*?)(?:[×x*·])10\^?\(?(-?\+?\d+)\)?$/i, '$1e$2');
  if (/^10\^-?\d+$/.test(s)) s = '1e' + s.slice(3);
  if (s.includes(',') && s.includes('.')) s = s.replace(/,/g, '');
  else if (/^-?\d{1,3}(,\d{3})+$/.test(s)) s = s.replace(/,/g, '');
  else s = s.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return NaN;
  return Number(s);
}

export interface Tolerance {
  /** Accepted relative error (0 = exact, for counts). */
  readonly relative: number;
}

/** True when the typed value is within tolerance of the expected one. */
export function checkNumeric(raw: string, expected: number, tol: Tolerance): boolean {
  const x = parseNumber(raw);
  if (!Number.isFinite(x)) return false;
  if (tol.relative === 0) return x === expected;
  return Math.abs(x - expected) <= tol.relative * Math.abs(expected);
}
