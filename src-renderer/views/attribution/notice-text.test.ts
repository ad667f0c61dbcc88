import { describe, expect, it } from 'vitest';
import { noticeText } from './notice-text';
import { rowNotice } from './notice';

describe('noticeText', () => {
  it('turns the numbers of a verdict row into two sentences', () => {
    const words = 'the plot dragged , but the music was superb .'.split(' ');
    const w = [0.01, 0.01, 0.02, 0.01, 0.05, 0.02, 0.03, 0.05, 0.6, 0.2];
    const n = rowNotice({ inputTokens: words, outputTokens: ['positive'], outputSteps: [10], matrix: [w] }, 0)!;
    // from the end: . .20, superb .80, was .85, music .88, the .90 → 5 words
    expect(noticeText(n)).toEqual([
      'At step 10, the output draws 90% of its weight from the last 5 of its 10 words.',
      'It leans most on “superb”, 1 steps back (60% of the weight).',
    ]);
  });
});
