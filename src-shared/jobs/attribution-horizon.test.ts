import { describe, expect, it } from 'vitest';
import type { Attribution } from '../protocol/attribution';
import { horizonOf, reachComparison } from './attribution-horizon';

const words = 'the plot dragged , but the music was superb , honestly .'.split(' ');
const verdict = (w: number[]): Attribution => ({ inputTokens: words, outputTokens: ['positive'], outputSteps: [words.length], matrix: [w] });

describe('horizonOf(cell, attribution, accuracy)', () => {
  it('measures the share of the last 4 words before the closing "." and how far back the peak lies', () => {
    //          the  plot dragged ,  but  the music was superb ,  honestly .
    const w = [0, 0, 0, 0, 0.3, 0, 0, 0, 0.3, 0.1, 0.1, 0.2];
    const h = horizonOf('lstm', verdict(w), 1)!;
    expect(h.endToken).toBe('.');
    expect(h.recentShare).toBeCloseTo(0.5 / 0.8, 12); // was superb , honestly = 0.5 of the 0.8 before the "."
    expect(h.peakToken).toBe('but'); // the first of two equal peaks
    expect(h.peakBack).toBe(7);
    expect(h.learned).toBe(true);
  });

  it('leaves the closing "." out of the peak and the shares, however much weight it carries', () => {
    // An LSTM's gradient × input is often largest on the "." every review ends with.
    const h = horizonOf('lstm', verdict([0, 0, 0, 0, 0.1, 0, 0, 0, 0.05, 0, 0.05, 0.8]), 1)!;
    expect(h.peakToken).toBe('but');
    expect(h.peakBack).toBe(7);
    expect(h.recentShare).toBeCloseTo(0.5, 12);
  });

  it('has nothing to say about a row without weight before its last word, or with one word', () => {
    expect(horizonOf('rnn', verdict(words.map(() => 0)), 0.5)).toBeNull();
    expect(horizonOf('rnn', verdict([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]), 0.5)).toBeNull();
    expect(horizonOf('rnn', { inputTokens: ['.'], outputTokens: ['positive'], outputSteps: [1], matrix: [[1]] }, 1)).toBeNull();
  });
});

describe('reachComparison(horizons)', () => {
  it('names, among the cells that learned the task, the one reaching furthest and the one staying nearest', () => {
    const near = horizonOf('rnn', verdict([0, 0, 0, 0, 0, 0, 0, 0, 0.1, 0.2, 0.3, 0.4]), 0.97)!;
    const far = horizonOf('lstm', verdict([0, 0, 0, 0, 0.5, 0, 0, 0, 0.2, 0, 0, 0.3]), 1)!;
    const unlearned = horizonOf('gru', verdict([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 0.5)!;
    const r = reachComparison([near, far, unlearned])!;
    expect(r.far.cell).toBe('lstm');
    expect(r.near.cell).toBe('rnn');
    expect(reachComparison([near, unlearned])).toBeNull();
  });

  it('makes no claim when the furthest-reaching cell’s peak still sits among the last 4 words (on filler)', () => {
    // More weight before the last 4 words than the GRU, but spread thin: its peak is "honestly", 1 step back.
    const spread = horizonOf('rnn', verdict([0.06, 0.06, 0.06, 0.06, 0.06, 0.06, 0.06, 0, 0, 0, 0.3, 1]), 1)!;
    const near = horizonOf('gru', verdict([0, 0, 0, 0, 0, 0, 0.1, 0.2, 0.3, 0.2, 0.2, 0.5]), 1)!;
    expect(spread.recentShare).toBeLessThan(near.recentShare);
    expect(spread.peakBack).toBe(1);
    expect(reachComparison([spread, near])).toBeNull();
  });
});
