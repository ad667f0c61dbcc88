/**
 * One CSV field (RFC 4180) that a spreadsheet shows as text and never runs: every CSV the app writes
 * (quiz results, chart data) goes through here.
 */

export type CsvValue = string | number | boolean | null | undefined;

/** A plain decimal number, as a spreadsheet reads it: `-3`, `+0.5`, `1.5e-7` (no hex, no Infinity). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** What makes a spreadsheet treat a cell as a formula (a leading tab or CR is stripped, then the rest runs). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The field for `value`: non-finite numbers and nullish values empty; text that starts like a formula
 * prefixed with `'` unless the whole of it is a number; quoted when it holds a comma, quote or line break.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = String(value);
  if (FORMULA_START.test(s) && !DECIMAL.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
