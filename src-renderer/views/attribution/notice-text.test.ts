import { afterEach, describe, expect, it } from 'vitest';
import { locale } from '../../i18n/i18n.svelte';
import { noticeText } from './notice-text';
import { rowNotice } from './notice';

const words = 'the plot dragged , but the music was superb .'.split(' ');
const notice = (w: number[], step = w.length) => rowNotice({ inputTokens: words.slice(0, w.length), outputTokens: ['positive'], outputSteps: [step], matrix: [w] }, 0)!;

afterEach(() => locale.set('en'));

describe('noticeText', () => {
  it('turns the numbers of a verdict row into two sentences', () => {
    // from the end: . .20, superb .80, was .85, music .88, the .90 → 5 words
    expect(noticeText(notice([0.01, 0.01, 0.02, 0.01, 0.05, 0.02, 0.03, 0.05, 0.6, 0.2]))).toEqual([
      'At step 10, the output can depend on 10 words, and its last 5 words carry 90% of its weight.',
      'It leans most on “superb”, 1 step back (60% of the weight).',
    ]);
  });

  it('says "word" and "step" in the singular for a count of one, in English, French and Spanish', () => {
    // French: the catalogue's own 90 % and formatPercent's both take U+202F; Spanish: U+00A0 (format.test.ts).
    const n = notice([0.3, 0.05, 0.65], 3); // all three words needed for 90%
    const one = notice([0.02, 0.9, 0.08], 3); // "plot" carries 90%: two words needed, peak 1 step back
    expect(noticeText(notice([1], 1))[0]).toBe('At step 1, the output can depend on 1 word, and its last word alone carries 90% of its weight.');
    expect(noticeText(one)[1]).toBe('It leans most on “plot”, 1 step back (90% of the weight).');
    locale.set('fr');
    expect(noticeText(one)).toEqual([
      'Au pas 3, la sortie peut dépendre de 3 mots, et ses 2 derniers mots portent 90\u202f% de son poids.',
      'Elle s’appuie surtout sur «\u00a0plot\u00a0», 1 pas en arrière (90\u202f% du poids).',
    ]);
    expect(noticeText(notice([1], 1))[0]).toBe('Au pas 1, la sortie peut dépendre de 1 mot, et son dernier mot porte à lui seul 90\u202f% de son poids.');
    locale.set('es');
    expect(noticeText(one)[1]).toBe('Se apoya sobre todo en «plot», 1 paso atrás (90\u00a0% del peso).');
    expect(noticeText(n)[0]).toMatch(/^En el paso 3, la salida puede depender de 3 palabras, y sus últimas 3 palabras llevan el 90\u00a0% de su peso\.$/);
  });
});
