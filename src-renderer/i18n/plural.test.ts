import { afterEach, describe, expect, it } from 'vitest';
import { catalogueOf, LOCALES, locale } from './i18n.svelte';
import { pluralForm, tCount } from './plural';
import { en } from './en';

afterEach(() => locale.set('en'));

describe('pluralForm(locale, n)', () => {
  it('follows each language’s rule: English singular only for 1, French for 0 and 1', () => {
    expect([0, 1, 2, 1.5].map((n) => pluralForm('en', n))).toEqual(['other', 'one', 'other', 'other']);
    expect([0, 1, 2, 1.5].map((n) => pluralForm('fr', n))).toEqual(['one', 'one', 'other', 'one']);
    expect([0, 1, 2].map((n) => pluralForm('es', n))).toEqual(['other', 'one', 'other']);
    // Forms beyond one/other (Spanish "many" for a million) read as "other".
    expect(pluralForm('es', 1e6)).toBe('other');
  });
});

describe('tCount(stem, n)', () => {
  it('picks the form for the count and writes the count in the locale’s digits', () => {
    expect(tCount('count.stepsBack', 1)).toBe('1 step back');
    expect(tCount('count.stepsBack', 3)).toBe('3 steps back');
    expect(tCount('count.points', 1200)).toBe('1,200 points');
    locale.set('fr');
    expect(tCount('count.points', 0)).toBe('0 point');
    expect(tCount('count.words', 1)).toBe('1 mot');
    expect(tCount('count.words', 2)).toBe('2 mots');
    locale.set('es');
    expect(tCount('count.stepsBack', 1)).toBe('1 paso atrás');
    expect(tCount('ui.lesson.readingTimeLong', 4)).toBe('Unos 4 minutos');
    expect(tCount('ui.data.preview.vocabSize', 1)).toBe('1 token distinto');
    locale.set('en');
    expect(tCount('ui.data.preview.vocabSize', 1)).toBe('1 token');
    expect(tCount('ui.data.preview.vocabSize', 40)).toBe('40 tokens');
  });

  it('every counted message has both forms in every language', () => {
    const stems = Object.keys(en).filter((k) => k.endsWith('.one')).map((k) => k.slice(0, -4));
    expect(stems.length).toBeGreaterThan(4);
    for (const l of LOCALES) {
      const cat = catalogueOf(l) as Record<string, string>;
      for (const s of stems) expect(cat[`${s}.other`], `${l} ${s}`).toBeTruthy();
    }
  });
});
