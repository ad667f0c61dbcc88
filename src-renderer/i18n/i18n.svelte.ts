import { en, type Catalogue, type MessageKey } from './en';
import { es } from './es';
import { fr } from './fr';

/**
 * Every language the app offers, in the order of the language menu. Adding one is its catalogue file (typed as
 * `Catalogue`, so the compiler lists any missing key) and one entry here; `Locale` and `LOCALES` follow.
 */
const LOCALE_CATALOGUES = { en, fr, es } as const satisfies Record<string, Catalogue>;

export type Locale = keyof typeof LOCALE_CATALOGUES;
export const LOCALES = Object.keys(LOCALE_CATALOGUES) as readonly Locale[];

/** True for a code the app has a catalogue for (a stored setting may name a language this build lacks). */
export function isLocale(code: string): code is Locale {
  return Object.hasOwn(LOCALE_CATALOGUES, code);
}

/** The locale to use for a stored or requested code: itself when the app has it, else English. */
export function resolveLocale(code: string): Locale {
  return isLocale(code) ? code : 'en';
}

/** A locale's whole catalogue (for tests and for tools that compare locales). */
export function catalogueOf(locale: Locale): Catalogue {
  return LOCALE_CATALOGUES[locale];
}

/** Replace each `{name}` with its value; unknown names are left visible so a missing value is noticed. */
export function interpolate(template: string, vars?: Readonly<Record<string, string | number>>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A lesson pack's own texts per locale (checked by pack-translations.ts), consulted before the catalogues. */
class PackTexts {
  current: Readonly<Record<string, Readonly<Record<string, string>>>> = $state.raw({});
}
const packTexts = new PackTexts();

/** Use a lesson pack's translations (or none) from now on; every `t` call re-reads them. */
export function setPackTranslations(translations: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined): void {
  packTexts.current = translations ?? {};
}

/** One formatter per locale, made on first use (a cache, not state: nothing reacts to it). */
const placeholderFormats: Partial<Record<Locale, Intl.NumberFormat>> = {};

/**
 * A number put into a sentence, written the locale's way: grouped ("12,345", "12 345", "12.345") with the locale's
 * decimal mark, every digit kept (rounding is the caller's choice, made before the call). Identifiers that only
 * look like numbers (a seed, a process id) are passed as strings and stay as they are.
 */
export function placeholderNumber(locale: Locale, x: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? '–' : x > 0 ? '∞' : '−∞';
  const f = (placeholderFormats[locale] ??= new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }));
  return f.format(x);
}

/** Look a key up in one locale: the lesson pack's text for it, else the catalogue's. Used by tests, the language menu and `t`. */
export function lookup(locale: Locale, key: MessageKey, vars?: Readonly<Record<string, string | number>>): string {
  const template = packTexts.current[locale]?.[key] ?? LOCALE_CATALOGUES[locale][key];
  if (!vars) return template;
  const prose: Record<string, string> = {};
  const math: Record<string, string> = {};
  for (const [name, value] of Object.entries(vars)) {
    prose[name] = typeof value === 'number' ? placeholderNumber(locale, value) : value;
    math[name] = typeof value === 'number' ? texNumber(prose[name]) : value;
  }
  // Inside a $…$ formula a number is TeX: the decimal comma in braces (no punctuation space after it), groups thin.
  return template
    .split(/(\$[^$]*\$)/)
    .map((part) => interpolate(part, part.startsWith('$') && part.endsWith('$') && part.length > 1 ? math : prose))
    .join('');
}

/** A locale-written number as KaTeX reads it: "0,7" → "0{,}7", a group space → "\\,". */
function texNumber(written: string): string {
  return written.replace(/,/g, '{,}').replace(/[\u00a0\u202f]/g, '\\,');
}

/** The current locale; reading it inside a component or $derived makes `t` calls reactive. */
class LocaleState {
  current: Locale = $state('en');

  set(locale: Locale): void {
    this.current = locale;
    if (typeof document !== 'undefined') document.documentElement.lang = locale;
  }
}

export const locale = new LocaleState();

/** Typed message lookup: `t('ui.lesson.next')`; a misspelt key is a compile error. */
export function t(key: MessageKey, vars?: Readonly<Record<string, string | number>>): string {
  return lookup(locale.current, key, vars);
}

