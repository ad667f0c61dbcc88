import { afterEach, describe, expect, it } from 'vitest';
import type { Attribution } from '../../../src-shared/protocol/attribution';
import { locale } from '../../i18n/i18n.svelte';
import { horizonOf, type Horizon } from '../../../src-shared/jobs/attribution-horizon';
import { compareLines } from './compare-text';

const words = 'the plot dragged , but the music was superb , honestly .'.split(' ');
const verdict = (w: number[]): Attribution => ({ inputTokens: words, outputTokens: ['positive'], outputSteps: [words.length], matrix: [w] });
// The vanilla RNN keeps to the last words, peak one step back; the LSTM reaches back to "but".
const rnn = horizonOf('rnn', verdict([0, 0, 0, 0, 0, 0, 0, 0, 0.1, 0.2, 0.4, 0.3]), 0.97)!;
const lstm = horizonOf('lstm', verdict([0, 0, 0, 0, 0.5, 0, 0, 0, 0.2, 0, 0, 0.3]), 1)!;
const lines = (hs: Horizon[]) => compareLines(hs);

afterEach(() => locale.set('en'));

describe('compareLines(horizons)', () => {
  it('writes a count of one step in the singular and the cell names in lower case mid-sentence', () => {
    const [first, , reach] = lines([rnn, lstm]);
    expect(first).toBe('Vanilla RNN: 100% of the verdict’s attribution comes from the last 4 words before the closing “.”; its peak, “honestly”, lies 1 step back.');
    expect(reach).toBe(
      'Of the cells that learned the task, the LSTM reaches furthest back: leaving out the closing “.”, 71% of its verdict’s weight lies before the last 4 words, against 0% for the vanilla RNN.',
    );
    expect(lines([lstm])[0]).toMatch(/its peak, “but”, lies 7 steps back\.$/);
  });

  it('keeps the French and Spanish names and writes their counts natively', () => {
    locale.set('fr');
    expect(lines([rnn, lstm])[0]).toMatch(/son pic, «\u00a0honestly\u00a0», se trouve 1 pas en arrière\.$/);
    expect(lines([rnn, lstm])[2]).toMatch(/contre 0\u202f% pour le RNN simple\.$/);
    locale.set('es');
    expect(lines([rnn, lstm])[0]).toMatch(/su pico, «honestly», está 1 paso atrás\.$/);
  });
});
