import { describe, expect, it } from 'vitest';
import { AMBIGUOUS_WORDS, makeTask } from './index';
import { makeTaggedSentence } from './pos-tagging';
import { createRng } from './random';

const sentences = Array.from({ length: 3000 }, ((rng) => () => makeTaggedSentence(rng))(createRng(5)));

/** Is the word at i in a spot where its left context is the same for both of its readings? */
function atAmbiguousSpot(words: readonly string[], i: number): boolean {
  if (!AMBIGUOUS_WORDS.has(words[i])) return false;
  const clauseStart = i === 0 || words[i - 1] === 'and';
  const afterClauseThe = words[i - 1] === 'the' && (i === 1 || words[i - 2] === 'and');
  return clauseStart || afterClauseThe;
}

describe('pos-tagging', () => {
  it('an ambiguous word\'s tag is settled by the next word: VERB before "the", NOUN before a verb, ADJ before a noun', () => {
    let checked = 0;
    for (const s of sentences) {
      const words = s.map(([w]) => w);
      s.forEach(([, tag], i) => {
        if (!atAmbiguousSpot(words, i)) return;
        const nextTag = s[i + 1][1];
        const expected = nextTag === 'DET' ? 'VERB' : nextTag === 'VERB' ? 'NOUN' : nextTag === 'NOUN' ? 'ADJ' : '?';
        expect(tag, words.join(' ')).toBe(expected);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(2000);
  });

  it('the same ambiguous word takes both readings in the same left context', () => {
    const readings = new Map<string, Set<string>>();
    for (const s of sentences) {
      if (!AMBIGUOUS_WORDS.has(s[0][0]) && !(s[0][0] === 'the' && AMBIGUOUS_WORDS.has(s[1][0]))) continue;
      const [w, tag] = s[0][0] === 'the' ? s[1] : s[0];
      readings.set(w, (readings.get(w) ?? new Set()).add(tag));
    }
    for (const w of ['paint', 'fish', 'water']) expect([...readings.get(w)!].sort()).toEqual(['NOUN', 'VERB']);
    for (const w of ['cold', 'light']) expect([...readings.get(w)!].sort()).toEqual(['ADJ', 'NOUN']);
  });

  it('the whole sentence fixes every tag (a bidirectional model can be perfect)', () => {
    const tagsOf = new Map<string, string>();
    for (const s of sentences) {
      const key = s.map(([w]) => w).join(' ');
      const tags = s.map(([, t]) => t).join(' ');
      expect(tagsOf.get(key) ?? tags).toBe(tags);
      tagsOf.set(key, tags);
    }
  });

  it('reading left to right cannot beat about 94%: the best guess from the words so far', () => {
    // Clauses are generated independently, so the best forward-only guess depends on the words since the clause began.
    const counts = new Map<string, Map<string, number>>();
    let total = 0;
    for (const s of sentences) {
      let start = 0;
      s.forEach(([w, tag], i) => {
        if (w === 'and') start = i + 1;
        const key = `${i - start}:${s.slice(start, i + 1).map(([x]) => x).join(' ')}`;
        const m = counts.get(key) ?? new Map<string, number>();
        m.set(tag, (m.get(tag) ?? 0) + 1);
        counts.set(key, m);
        total++;
      });
    }
    const best = [...counts.values()].reduce((sum, m) => sum + Math.max(...m.values()), 0);
    expect(best / total).toBeLessThan(0.94);
    expect(best / total).toBeGreaterThan(0.85);
  });

  it('produces one tag per word with the expected tag set', () => {
    const d = makeTask('pos-tagging', {}, 1);
    expect(d.outputVocab).toEqual(['DET', 'NOUN', 'VERB', 'ADJ', 'ADV', 'PREP', 'PRON', 'CONJ', 'PUNCT']);
    for (const e of d.train) expect(e.target).toHaveLength(e.input.length);
    expect(d.train).toHaveLength(1000);
    expect(d.test).toHaveLength(200);
  });
});
