import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../../src-shared/protocol/attribution';
import { horizonOf, reachComparison } from './compare-summary';

const words = 'the plot dragged , but the music was superb , honestly .'.split(' ');
const verdict = (w: number[]): Attribution => ({ inputTokens: words, outputTokens: ['positive'], outputSteps: [words.length], matrix: [w] });

describe('horizonOf(cell, attribution, accuracy)', () => {
  it('measures the share of the last 4 words and how far back the peak lies', () => {
    //          the  plot dragged ,  but  the music was superb ,  honestly .
    const w = [0, 0, 0, 0, 0.3, 0, 0, 0, 0.3, 0.1, 0.1, 0.2];
    const h = horizonOf('lstm', verdict(w), 1)!;
    expect(h.recentShare).toBeCloseTo(0.7, 12); // superb , honestly . = 0.3 + 0.1 + 0.1 + 0.2
    expect(h.peakToken).toBe('but'); // the first of two equal peaks
    expect(h.peakBack).toBe(7);
    expect(h.learned).toBe(true);
  });

  it('has nothing to say about a row without weight', () => {
    expect(horizonOf('rnn', verdict(words.map(() => 0)), 0.5)).toBeNull();
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
});
