import { en, type Catalogue, type MessageKey } from './en';
import { esScreens } from './es-screens';
import { fr } from './fr';

export type Locale = 'en' | 'fr' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'fr', 'es'];

const CATALOGUES: Record<Locale, Partial<Catalogue>> = { en, fr, es: esScreens };

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

/** Look a key up in one locale: the lesson pack's text for it, else the catalogue's, else English. */
export function lookup(locale: Locale, key: MessageKey, vars?: Readonly<Record<string, string | number>>): string {
  return interpolate(packTexts.current[locale]?.[key] ?? CATALOGUES[locale][key] ?? en[key], vars);
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

