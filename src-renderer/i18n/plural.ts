/**
 * Sentences with a count in them ("1 step back", "3 steps back"): the catalogue holds one message per plural form
 * under `<key>.one` and `<key>.other`, and `tCount` picks the form the active locale's plural rules give for the
 * count (Intl.PluralRules: French counts 0 and 1 as singular, English only 1). Languages with more forms than these
 * two fall back to `other` for the rest.
 */
import type { MessageKey } from './en';
import { formatNumber } from './format';
import { locale, t } from './i18n.svelte';

/** A key stem that the catalogue has in both plural forms. */
export type CountKey = {
  [K in MessageKey]: K extends `${infer Stem}.other` ? (`${Stem}.one` extends MessageKey ? Stem : never) : never;
}[MessageKey];

export type PluralForm = 'one' | 'other';

const rules = new Map<string, Intl.PluralRules>();

/** The catalogue form for count n in a locale: 'one' where its rules say so, 'other' for everything else. */
export function pluralForm(code: string, n: number): PluralForm {
  let r = rules.get(code);
  if (!r) {
    r = new Intl.PluralRules(code);
    rules.set(code, r);
  }
  return r.select(n) === 'one' ? 'one' : 'other';
}

/** `t` for a counted message: the right form for `count`, with `{count}` filled by the locale's number format. */
export function tCount(stem: CountKey, count: number, vars?: Readonly<Record<string, string | number>>): string {
  const key = `${stem}.${pluralForm(locale.current, count)}` as MessageKey;
  return t(key, { ...vars, count: formatNumber(count) });
}
