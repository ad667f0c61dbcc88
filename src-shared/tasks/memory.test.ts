import { describe, expect, it } from 'vitest';
import { makeTask } from './index';

describe('memory', () => {
  it('the target is the first symbol, after k distractors and a closing "?"', () => {
    const d = makeTask('memory', { k: 25, symbols: 6 }, 4);
    expect(d.outputVocab).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    for (const e of [...d.train, ...d.test]) {
      const tokens = d.formatInput(e.input).split(' ');
      expect(tokens).toHaveLength(27);
      expect(tokens[26]).toBe('?');
      expect(tokens.slice(1, 26).every((t) => /^\d$/.test(t))).toBe(true);
      expect(d.outputVocab[e.target[0]]).toBe(tokens[0]);
    }
  });

  it('answers are spread over all symbols', () => {
    const d = makeTask('memory', { symbols: 4 }, 1);
    const counts = [0, 0, 0, 0];
    for (const e of d.train) counts[e.target[0]]++;
    for (const c of counts) expect(c).toBeGreaterThan(200);
  });

  it('k = 100 stays within the sequence cap (102 steps)', () => {
    const d = makeTask('memory', { k: 100 }, 1);
    expect(d.train[0].input).toHaveLength(102);
  });
});
