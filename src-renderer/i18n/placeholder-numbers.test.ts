import { describe, expect, it } from 'vitest';
import { lookup, placeholderNumber } from './i18n.svelte';

const NNBSP = '\u202f';

describe('numbers put into catalogue sentences', () => {
  it('placeholderNumber(locale, x) groups and marks decimals the locale’s way, keeping every digit', () => {
    expect(placeholderNumber('en', 12345)).toBe('12,345');
    expect(placeholderNumber('fr', 12345)).toBe(`12${NNBSP}345`);
    expect(placeholderNumber('es', 12345)).toBe('12.345');
    expect(placeholderNumber('fr', 87.5)).toBe('87,5');
    expect(placeholderNumber('es', 0.0001)).toBe('0,0001');
    expect(placeholderNumber('en', Number.NaN)).toBe('–');
  });

  it('a raw number passed to a sentence comes out grouped in en, fr and es', () => {
    expect(lookup('en', 'ui.runs.saved', { name: 'A', step: 12345 })).toBe('Saved “A” at step 12,345.');
    expect(lookup('fr', 'ui.runs.saved', { name: 'A', step: 12345 })).toContain(`12${NNBSP}345`);
    expect(lookup('es', 'ui.runs.saved', { name: 'A', step: 12345 })).toContain('12.345');
  });

  it('a string passed as it is (a seed, a process id) is never regrouped', () => {
    expect(lookup('fr', 'ui.lesson.demoSnapshot', { steps: 1200, seed: '123456', screen: 'Labo' })).toContain('123456');
    expect(lookup('fr', 'ui.lesson.demoSnapshot', { steps: 1200, seed: '123456', screen: 'Labo' })).toContain(`1${NNBSP}200`);
  });

  it('inside a $…$ formula the decimal comma is TeX’s {,} so KaTeX adds no space after it', () => {
    const vars = { T: 100, factor: 0.7, steps: 99, value: 'v', less: 'l', more: 'm' };
    const fr = lookup('fr', 'lesson.vanishing.worked', vars);
    expect(fr).toContain('$0{,}7^{99}$');
    expect(fr.replace(/\$[^$]*\$/g, '')).toContain('0,7');
    expect(lookup('en', 'lesson.vanishing.worked', vars)).toContain('$0.7^{99}$');
  });
});
