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

/** Look a key up in one locale, falling back to English. Pure: used by tests and by `t`. */
export function lookup(locale: Locale, key: MessageKey, vars?: Readonly<Record<string, string | number>>): string {
  return interpolate(CATALOGUES[locale][key] ?? en[key], vars);
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

