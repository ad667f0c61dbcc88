import { describe, expect, it } from 'vitest';
import { EOS, makeTask, numberToWords } from './index';

describe('number-words', () => {
  it('spells numbers in British English, one token per word', () => {
    expect(numberToWords(0)).toEqual(['zero']);
    expect(numberToWords(13)).toEqual(['thirteen']);
    expect(numberToWords(40)).toEqual(['forty']);
    expect(numberToWords(42)).toEqual(['forty', 'two']);
    expect(numberToWords(300)).toEqual(['three', 'hundred']);
    expect(numberToWords(205)).toEqual(['two', 'hundred', 'and', 'five']);
    expect(numberToWords(999)).toEqual(['nine', 'hundred', 'and', 'ninety', 'nine']);
    expect(() => numberToWords(1000)).toThrow('0–999');
  });

  it('targets are the digits then <eos>, and <eos> is output id 0', () => {
    const d = makeTask('number-words', {}, 3);
    expect(d.outputVocab[0]).toBe(EOS);
    for (const e of [...d.train, ...d.test]) {
      expect(e.target[e.target.length - 1]).toBe(0);
      const digits = d.formatOutput(e.target.slice(0, -1)).replace(/ /g, '');
      expect(numberToWords(Number(digits)).join(' ')).toBe(d.formatInput(e.input));
    }
  });

  it('uses every number up to max once, holding out a fifth (at most 200) unseen in training', () => {
    const d = makeTask('number-words', { max: 499 }, 3);
    expect(d.train.length + d.test.length).toBe(500);
    expect(d.test).toHaveLength(100);
    const train = new Set(d.train.map((e) => e.input.join(',')));
    expect(d.test.some((e) => train.has(e.input.join(',')))).toBe(false);
    expect(makeTask('number-words', {}, 3).test).toHaveLength(200);
  });

  it('has a fixed 30-word input vocabulary and 11 outputs', () => {
    const d = makeTask('number-words', { max: 99 }, 1);
    expect(d.inputVocab).toHaveLength(30);
    expect(d.outputVocab).toEqual([EOS, '0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });
});
