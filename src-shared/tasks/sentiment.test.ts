import { describe, expect, it } from 'vitest';
import { makeTask } from './index';
import { createRng } from './random';
import { fillerWords, makeReview, sentimentRule } from './sentiment';

const words = (s: string) => s.split(' ');

describe('sentiment', () => {
  it('sentimentRule: the clause after "but" decides and "not" flips its adjective', () => {
    expect(sentimentRule(words('the plot was good .'))).toBe(1);
    expect(sentimentRule(words('the plot was not good .'))).toBe(0);
    expect(sentimentRule(words('the acting was flat , but the ending was wonderful .'))).toBe(1);
    expect(sentimentRule(words('the music sparkled , but the ending was dull , to be fair .'))).toBe(0);
    expect(sentimentRule(words('the first half dragged , but the ending was not dull , honestly .'))).toBe(1);
    expect(() => sentimentRule(words('the plot was , honestly .'))).toThrow('no verdict adjective');
  });

  it('every generated label follows the rule, and the opening clause always disagrees with it', () => {
    const d = makeTask('sentiment', { gap: 5 }, 11);
    for (const e of [...d.train, ...d.test]) {
      const w = d.formatInput(e.input).split(' ');
      expect(e.target[0]).toBe(sentimentRule(w));
      const but = w.indexOf('but');
      if (but >= 0) {
        // The opening clause's own tone (its last word, or its verb phrase) is the opposite of the verdict.
        const opening = w.slice(0, but - 1).join(' ');
        const positiveOpening = /(sparkled|won me over|flew by|good|great|wonderful|superb|charming|clever|moving|delightful)$/.test(opening);
        expect(positiveOpening ? 1 : 0).toBe(1 - e.target[0]);
      }
    }
  });

  it('has both labels, with and without "but" and "not", in balanced proportions', () => {
    const d = makeTask('sentiment', {}, 2);
    const texts = d.train.map((e) => d.formatInput(e.input));
    const share = (f: (i: number) => boolean) => d.train.filter((_, i) => f(i)).length / d.train.length;
    expect(share((i) => d.train[i].target[0] === 1)).toBeGreaterThan(0.4);
    expect(share((i) => d.train[i].target[0] === 1)).toBeLessThan(0.6);
    expect(share((i) => texts[i].includes(' but '))).toBeGreaterThan(0.3);
    expect(share((i) => texts[i].includes(' not '))).toBeGreaterThan(0.3);
  });

  it('puts exactly `gap` neutral words between the verdict adjective and the final "."', () => {
    for (const gap of [0, 1, 7, 40]) {
      const rng = createRng(gap);
      expect(fillerWords(gap, rng)).toHaveLength(gap);
      const review = makeReview(gap, rng).words;
      const verdictAt = review.length - 1 - (gap === 0 ? 1 : gap + 2);
      expect(review[review.length - 1]).toBe('.');
      expect(review[verdictAt]).toMatch(/^(good|great|wonderful|superb|charming|clever|moving|delightful|bad|dull|awful|boring|flat|clumsy|tedious|weak)$/);
      if (gap > 0) expect(review[verdictAt + 1]).toBe(',');
    }
  });

  it('a larger gap gives longer reviews but the same vocabulary', () => {
    const short = makeTask('sentiment', { gap: 0 }, 1);
    const long = makeTask('sentiment', { gap: 30 }, 1);
    expect(long.inputVocab).toEqual(short.inputVocab);
    expect(Math.min(...long.train.map((e) => e.input.length))).toBeGreaterThan(30);
    expect(Math.max(...short.train.map((e) => e.input.length))).toBeLessThan(17);
  });

  it('keeps train and test disjoint', () => {
    const d = makeTask('sentiment', {}, 4);
    const train = new Set(d.train.map((e) => e.input.join(',')));
    expect(d.test.some((e) => train.has(e.input.join(',')))).toBe(false);
    expect(d.train).toHaveLength(1200);
    expect(d.test).toHaveLength(200);
  });
});
