import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../../src-shared/protocol/attribution';
import { rowNotice } from './notice';

const review = 'the plot dragged , but the music was superb , honestly .'.split(' ');

function verdict(weights: number[]): Attribution {
  return { inputTokens: review, outputTokens: ['positive'], outputSteps: [review.length], matrix: [weights] };
}

describe('rowNotice(attribution, row)', () => {
  it('counts the fewest recent words that carry 90% of the weight, and names the peak word and its distance', () => {
    //            the  plot dragged ,  but  the music was superb ,  honestly .
    const w = [0.01, 0.01, 0.02, 0.01, 0.05, 0.02, 0.03, 0.05, 0.5, 0.1, 0.05, 0.15];
    const n = rowNotice(verdict(w), 0)!;
    expect(n.peakToken).toBe('superb');
    expect(n.peakAt).toBe(9);
    expect(n.peakBack).toBe(3);
    expect(n.peakShare).toBeCloseTo(0.5, 10);
    // from the end: . .15, honestly .20, , .30, superb .80, was .85, music .88, the .90 → 7 words
    expect(n.recentWords).toBe(7);
    expect(n.span).toBe(12);
  });

  it('a model that only looks at the last word needs one word for 90%', () => {
    const w = review.map((_, i) => (i === review.length - 1 ? 1 : 0.001));
    expect(rowNotice(verdict(w), 0)).toMatchObject({ recentWords: 1, peakToken: '.', peakBack: 0 });
  });

  it('a many-to-many row only spans the words up to its own step', () => {
    const a: Attribution = { inputTokens: ['a', 'b', 'c'], outputTokens: ['x', 'y', 'z'], outputSteps: [1, 2, 3], matrix: [[1, 0, 0], [0.2, 0.8, 0], [0.1, 0.1, 0.8]] };
    expect(rowNotice(a, 1)).toMatchObject({ step: 2, span: 2, recentWords: 2, peakToken: 'b', peakBack: 0 });
  });

  it('says nothing for a row without weight or a row that does not exist', () => {
    expect(rowNotice(verdict(review.map(() => 0)), 0)).toBeNull();
    expect(rowNotice(verdict(review.map(() => 1)), 3)).toBeNull();
  });
});
