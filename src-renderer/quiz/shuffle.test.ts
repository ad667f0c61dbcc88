import { describe, expect, it } from 'vitest';
import { QUIZ_QUESTION_IDS } from '../../src-shared/protocol/lesson-pack';
import { buildQuiz } from './quiz-build';
import { deriveSeed, seededShuffle } from './shuffle';

describe('seededShuffle', () => {
  const items = Array.from({ length: 20 }, (_, i) => i);

  it('is a permutation of its input', () => {
    expect([...seededShuffle(items, 5)].sort((a, b) => a - b)).toEqual(items);
  });

  it('gives the same order for the same seed and (almost always) another for another seed', () => {
    expect(seededShuffle(items, 42)).toEqual(seededShuffle(items, 42));
    expect(seededShuffle(items, 42)).not.toEqual(seededShuffle(items, 43));
  });

  it('does not change its input', () => {
    const copy = items.slice();
    seededShuffle(items, 1);
    expect(items).toEqual(copy);
  });

  it('derives different streams for different purposes', () => {
    expect(deriveSeed(7, 'order')).not.toBe(deriveSeed(7, 'options:bert'));
    expect(deriveSeed(7, 'order')).toBe(deriveSeed(7, 'order'));
  });
});

describe('buildQuiz', () => {
  it('orders questions and options by seed, reproducibly', () => {
    const a = buildQuiz(QUIZ_QUESTION_IDS, 123);
    const b = buildQuiz(QUIZ_QUESTION_IDS, 123);
    expect(a.map((i) => i.def.id)).toEqual(b.map((i) => i.def.id));
    expect(a.map((i) => i.options)).toEqual(b.map((i) => i.options));
    expect(a.map((i) => i.def.id)).not.toEqual(buildQuiz(QUIZ_QUESTION_IDS, 124).map((i) => i.def.id));
    expect(new Set(a.map((i) => i.def.id)).size).toBe(QUIZ_QUESTION_IDS.length);
  });
});
