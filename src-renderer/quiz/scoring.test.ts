import { describe, expect, it } from 'vitest';
import { QUIZ_QUESTION_IDS } from '../../src-shared/protocol/lesson-pack';
import { en } from '../i18n/en';
import { engineParamCount, headCount, rnnCellCount } from '../lesson/facts';
import { encodeWord } from './attribution-question';
import { encodePredict, outcomeOption } from './experiments';
import { buildItem, buildQuiz } from './quiz-build';
import { ALL_QUESTIONS, explanationKey, optionKey, promptKey } from './questions';
import { isCorrect, scoreAttempt } from './scoring';

describe('the question bank', () => {
  it('has at least 12 questions, of all three kinds, touching every lesson section', () => {
    expect(ALL_QUESTIONS.length).toBeGreaterThanOrEqual(12);
    const kinds = new Set(ALL_QUESTIONS.map((q) => q.kind));
    expect(kinds).toEqual(new Set(['choice', 'numeric', 'predict']));
    const sections = new Set(ALL_QUESTIONS.map((q) => q.section));
    expect([...sections].sort()).toEqual(['bidirectional', 'bptt', 'cell', 'gates', 'shapes', 'vanishing', 'why']);
  });

  it('includes the four practice questions of the curriculum', () => {
    for (const id of ['ff-vs-rnn', 'why-vanish', 'late-verdict', 'unrolling']) expect(QUIZ_QUESTION_IDS).toContain(id);
  });

  it('has a prompt, an explanation and every option text in the English catalogue', () => {
    for (const q of ALL_QUESTIONS) {
      expect(en[promptKey(q.id)], q.id).toBeTruthy();
      expect(en[explanationKey(q.id)], q.id).toBeTruthy();
      for (const opt of buildItem(q.id, 1).options) expect(en[optionKey(q.id, opt)], `${q.id}.${opt}`).toBeTruthy();
    }
  });
});

describe('scoring', () => {
  const items = buildQuiz(QUIZ_QUESTION_IDS, 99);
  const right = (id: string): string => {
    const item = items.find((i) => i.def.id === id)!;
    if (item.def.kind === 'choice') return 'a';
    if (item.def.kind === 'numeric') return String(item.numeric!.answer);
    if (item.def.experiment === 'attribution') return encodeWord({ choice: 'c', shares: [0.1, 0.05, 0.6, 0.2], peak: 12, seed: 7 });
    return encodePredict({ choice: 'a', accFirst: 0.97, accSecond: 0.5, seed: 7 });
  };

  it('gives full marks for right answers and none for wrong or missing ones', () => {
    const all = Object.fromEntries(QUIZ_QUESTION_IDS.map((id) => [id, right(id)]));
    expect(scoreAttempt(items, all)).toEqual({ score: items.length, total: items.length });
    expect(scoreAttempt(items, {})).toEqual({ score: 0, total: items.length });
    const wrong = Object.fromEntries(QUIZ_QUESTION_IDS.map((id) => [id, 'b']));
    expect(scoreAttempt(items, wrong).score).toBe(0);
  });

  it('marks the parameter-count answer with the engine count, which matches the formula', () => {
    const item = buildItem('rnn-params', 5);
    const { I, H, O } = item.vars as { I: number; H: number; O: number };
    expect(item.numeric!.answer).toBe(engineParamCount('rnn', I, H, O));
    expect(item.numeric!.answer).toBe(rnnCellCount(I, H) + headCount(H, O));
    expect(isCorrect(item, String(item.numeric!.answer))).toBe(true);
    expect(isCorrect(item, String(item.numeric!.answer + 1))).toBe(false);
  });

  it('judges a prediction by what the run showed', () => {
    const item = buildItem('predict-race', 1);
    expect(outcomeOption(0.95, 0.4)).toBe('a');
    expect(outcomeOption(0.4, 0.95)).toBe('b');
    expect(outcomeOption(0.9, 0.88)).toBe('c');
    expect(isCorrect(item, encodePredict({ choice: 'a', accFirst: 0.95, accSecond: 0.4, seed: 7 }))).toBe(true);
    expect(isCorrect(item, encodePredict({ choice: 'a', accFirst: 0.9, accSecond: 0.9, seed: 7 }))).toBe(false);
    expect(isCorrect(item, encodePredict({ choice: 'c', accFirst: 0.9, accSecond: 0.9, seed: 7 }))).toBe(true);
    expect(isCorrect(item, 'garbage')).toBe(false);
  });
});
