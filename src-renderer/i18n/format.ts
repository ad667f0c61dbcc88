/**
 * Every number, percentage and date a learner reads, written for the active locale through Intl (French and Spanish
 * use the decimal comma, and a space before "%": narrow in French, as its catalogue writes it). The one set of formatters for the whole renderer: called
 * inside a component or $derived, each re-runs when the locale changes, because it reads `locale.current`.
 *
 * Machine-read exports (CSV) do not use these: they write plain JavaScript numbers (see `csvNumber`).
 */
import { locale } from './i18n.svelte';

/** Shown where there is no value (not yet measured, not a finite number). */
export const NO_VALUE = '–';

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale.current} ${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale.current, options);
    cache.set(key, f);
  }
  return f;
}

/** An integer or a number with at most `maximumFractionDigits` decimals, grouped ("10,610", "10 610"). */
export function formatNumber(x: number, maximumFractionDigits = 0): string {
  if (!Number.isFinite(x)) return NO_VALUE;
  return numberFormat({ maximumFractionDigits }).format(x);
}

/** Exactly `digits` decimals, like toFixed ("0.90", "0,90"). */
export function formatFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return NO_VALUE;
  return numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

/** A count of things: grouped integer, a dash when unknown. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? NO_VALUE : formatNumber(n);
}

/**
 * A fraction as a percentage with `fractionDigits` decimals: 0.874 → "87%" (en), "87 %" (es, U+00A0), "87 %" (fr,
 * U+202F). Intl gives French a full no-break space before "%"; the French catalogue, and French typography, use the
 * narrow one, so a formatted percentage and a "90 %" written in a sentence look alike.
 */
export function formatPercent(x: number | null | undefined, fractionDigits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NO_VALUE;
  const text = numberFormat({ style: 'percent', minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(x);
  return locale.current === 'fr' ? text.replace(/[\u00a0 ]%/, '\u202f%') : text;
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
};

/**
 * Scientific notation as a person writes it: 4.6e-16 → "4.6 × 10⁻¹⁶" ("4,6 × 10⁻¹⁶" in French), `digits`
 * significant figures in the mantissa. Ordinary magnitudes (0.001 to 100,000) stay plain with one more figure
 * ("0.35", "12.4"); trailing zeros are dropped.
 */
export function formatSci(x: number, digits = 2): string {
  if (Number.isNaN(x)) return NO_VALUE;
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e5) return numberFormat({ maximumSignificantDigits: digits + 1 }).format(x);
  const [mant, exp] = x.toExponential(digits - 1).split('e');
  const e = String(Number(exp)).replace(/./g, (ch) => SUPERSCRIPT[ch] ?? ch);
  return `${numberFormat({ maximumFractionDigits: digits - 1 }).format(Number(mant))} × 10${e}`;
}

/** A loss or other scalar with 3 significant figures ("0.490"); tiny values in scientific notation. */
export function formatScalar(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return NO_VALUE;
  if (x !== 0 && Math.abs(x) < 1e-4) return formatSci(x, 2);
  const digits = Math.abs(x) < 0.001 ? 2 : 3;
  return numberFormat({ minimumSignificantDigits: digits, maximumSignificantDigits: digits }).format(x);
}

/** A learning rate: two significant figures, scientific below 0.001. */
export function formatLr(lr: number): string {
  return lr >= 0.001 ? numberFormat({ maximumSignificantDigits: 2 }).format(lr) : formatSci(lr, 2);
}

/** Milliseconds as seconds with one decimal: "12.3 s", "12,3 s". */
export function formatSeconds(ms: number): string {
  // The SI symbol reads the same in every locale (Intl's English "short" form would say "sec").
  return Number.isFinite(ms) ? `${formatFixed(ms / 1000, 1)}\u00a0s` : NO_VALUE;
}

/** A moment (ISO text or Date) as a short date and time in the locale's order: "3 Dec 2026, 08:15" / "3 déc. 2026, 08:15". */
export function formatDateTime(when: string | Date): string {
  const d = typeof when === 'string' ? new Date(when) : when;
  if (Number.isNaN(d.getTime())) return NO_VALUE;
  return new Intl.DateTimeFormat(locale.current, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/**
 * A number in a CSV export: the shortest JavaScript form ("0.001", "1e-7"), full precision, a full stop as decimal
 * separator and no grouping in every locale, so spreadsheets and scripts read it alike; empty when not finite.
 */
export function csvNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : '';
}

/** A whole number as superscript digits, for powers written inline: 99 → "⁹⁹". */
export function superscript(n: number): string {
  return String(Math.trunc(n)).replace(/./g, (ch) => SUPERSCRIPT[ch] ?? ch);
}

/** An axis tick on a log scale: exact powers of ten as "10⁻⁵" (1 and 10 stay plain), anything else as formatSci. */
export function formatLogTick(x: number): string {
  const e = Math.round(Math.log10(Math.abs(x)));
  if (x > 0 && Math.abs(x / 10 ** e - 1) < 1e-9 && (e < 0 || e > 1)) return `10${superscript(e)}`;
  return formatSci(x, 1);
}
