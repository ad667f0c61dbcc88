import { describe, expect, it } from 'vitest';
import { en } from './en';
import { enScreens } from './en-screens';
import { enUi } from './en-ui';
import { esScreens } from './es-screens';
import { fr } from './fr';
import { frScreens } from './fr-screens';
import { interpolate, locale, LOCALES, lookup, t } from './i18n.svelte';

describe('message catalogues', () => {
  it('French has every interface string and every section title', () => {
    const required = Object.keys(en).filter((k) => k.startsWith('ui.') || k.startsWith('section.'));
    const missing = required.filter((k) => !(k in fr) || (fr as Record<string, string>)[k].trim() === '');
    expect(missing).toEqual([]);
    expect(Object.keys(enUi).length).toBe(required.length);
  });

  it('French keeps the same {placeholders} as English', () => {
    for (const [key, text] of Object.entries(fr)) {
      const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(slots(text as string), key).toEqual(slots(en[key as keyof typeof en]));
    }
  });

  it('French has no key English lacks', () => {
    for (const key of Object.keys(fr)) expect(key in en, key).toBe(true);
  });

  it('looks up the current locale and falls back to English for untranslated prose', () => {
    expect(lookup('fr', 'ui.lesson.next')).toBe('Suivant');
    expect(lookup('fr', 'lesson.why.p1')).toBe(en['lesson.why.p1']);
    locale.set('fr');
    expect(t('section.gates.title')).toBe('Cellules à portes : LSTM et GRU');
    locale.set('en');
    expect(t('section.gates.title')).toBe('Gated cells: LSTM and GRU');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(t('ui.lesson.sectionOf', { n: 2, total: 7 })).toBe('Section 2 of 7');
  });
});

describe('the screens catalogue (en-screens, fr-screens, es-screens)', () => {
  const slots = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
  it.each([
    ['fr', frScreens],
    ['es', esScreens],
  ] as const)('%s has every key, none empty, with the same {placeholders} as English', (_, texts) => {
    expect(Object.keys(texts).sort()).toEqual(Object.keys(enScreens).sort());
    for (const [key, text] of Object.entries(texts)) {
      expect(text.trim(), key).not.toBe('');
      expect(slots(text), key).toEqual(slots(enScreens[key as keyof typeof enScreens]));
    }
  });

  it('Spanish is a locale: its screens strings are looked up, the rest falls back to English until es.ts lands', () => {
    expect(lookup('es', 'grad.cancel')).toBe('Cancelar');
    expect(LOCALES).toContain('es');
  });
});
