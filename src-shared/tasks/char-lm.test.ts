import { describe, expect, it } from 'vitest';
import { CORPUS, drawIndex, makeTask, sampleText } from './index';

describe('char-lm', () => {
  it('the target is the input shifted left by one character', () => {
    const d = makeTask('char-lm', { length: 24 }, 2);
    for (const e of [...d.train, ...d.test]) {
      expect(e.input).toHaveLength(24);
      expect(e.target.slice(0, -1)).toEqual(e.input.slice(1));
    }
  });

  it('every window is a piece of the lowercased corpus, and test windows come from the held-out last tenth', () => {
    const text = CORPUS.toLowerCase();
    const d = makeTask('char-lm', {}, 2);
    const heldOut = text.length - Math.ceil(text.length / 10);
    for (const e of d.train) {
      const piece = d.formatInput(e.input) + d.formatOutput(e.target).slice(-1);
      const at = text.indexOf(piece);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(at + piece.length).toBeLessThanOrEqual(heldOut);
    }
    for (const e of d.test) expect(text.indexOf(d.formatInput(e.input), heldOut - 1)).toBeGreaterThanOrEqual(heldOut);
  });

  it('input and output share one sorted character vocabulary', () => {
    const d = makeTask('char-lm', {}, 1);
    expect(d.outputVocab).toEqual(d.inputVocab);
    expect([...d.inputVocab].sort()).toEqual(d.inputVocab);
    expect(d.inputVocab.length).toBeLessThan(40);
    expect(d.inputVocab).toContain('\n');
  });
});

describe('sampleText', () => {
  const vocab = ['a', 'b', 'c'];

  it('draws each next character from the model\'s probabilities, seeded', () => {
    const seen: number[][] = [];
    // A "model" that always says the next character is the one after the last (a → b → c → a).
    const next = (ids: readonly number[]) => {
      seen.push([...ids]);
      return vocab.map((_, i) => (i === (ids[ids.length - 1] + 1) % 3 ? 1 : 0));
    };
    expect(sampleText(next, vocab, { prime: 'ab', length: 5, seed: 1, window: 3 })).toBe('cabca');
    expect(seen[0]).toEqual([0, 1]);
    expect(seen[4]).toHaveLength(3);
  });

  it('is deterministic by seed and refuses characters outside the vocabulary', () => {
    const uniform = () => [1 / 3, 1 / 3, 1 / 3];
    const a = sampleText(uniform, vocab, { prime: 'a', length: 40, seed: 9 });
    expect(sampleText(uniform, vocab, { prime: 'a', length: 40, seed: 9 })).toBe(a);
    expect(sampleText(uniform, vocab, { prime: 'a', length: 40, seed: 10 })).not.toBe(a);
    expect(() => sampleText(uniform, vocab, { prime: 'az', length: 1, seed: 1 })).toThrow('"z" at position 2');
  });

  it('temperature below 1 sharpens the distribution', () => {
    expect(drawIndex([0.6, 0.4], 1, 0.59)).toBe(0);
    expect(drawIndex([0.6, 0.4], 1, 0.61)).toBe(1);
    // p^(1/0.25): 0.1296 vs 0.0256, so 0.61 now falls in the first bucket
    expect(drawIndex([0.6, 0.4], 0.25, 0.61)).toBe(0);
    expect(() => drawIndex([0, 0], 1, 0.5)).toThrow('no usable probabilities');
  });
});
