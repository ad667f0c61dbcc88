/**
 * A character-level language-model task from text the learner pastes or opens.
 * Rejected with a clear message: too short, too long, binary or control characters, too many distinct characters.
 */
import { LIMITS } from '../protocol/training-config';
import { charLmFromText, CHAR_LM_SPEC } from './char-lm';
import { checkCharacters, checkSize, normalizeNewlines } from './text-checks';
import { fail } from '../protocol/problem';
import type { TaskData, TaskSpec } from './types';

export const TEXT_LIMITS = {
  minChars: 300,
  maxChars: 500_000,
  seqLen: 32,
} as const;

export function taskFromText(raw: string, seed: number): TaskData {
  checkSize(raw, 'text');
  const text = normalizeNewlines(raw);
  checkCharacters(text, 'text');
  const length = [...text].length;
  if (length < TEXT_LIMITS.minChars) {
    fail('data.text.tooShort', { chars: length, min: TEXT_LIMITS.minChars }, `the text has ${length} characters; at least ${TEXT_LIMITS.minChars} are needed to train on`);
  }
  if (length > TEXT_LIMITS.maxChars) {
    fail('data.text.tooLong', { chars: length, cap: TEXT_LIMITS.maxChars }, `the text has ${length.toLocaleString('en')} characters; the cap is ${TEXT_LIMITS.maxChars.toLocaleString('en')}`);
  }
  const distinct = new Set(text).size;
  if (distinct > LIMITS.vocab) {
    fail('data.text.tooManyChars', { distinct, cap: LIMITS.vocab }, `the text uses ${distinct} different characters; the cap is ${LIMITS.vocab}`);
  }
  const spec: TaskSpec = {
    ...CHAR_LM_SPEC,
    title: 'Your text',
    blurb: 'Read your own text one character at a time and guess the next character at every step.',
    params: [],
  };
  const data = charLmFromText(text, spec, seed, { seqLen: TEXT_LIMITS.seqLen, trainCount: 1200, testCount: 200 });
  // Nobody knows in advance how well a model does on pasted text, so the target is the baseline to beat:
  // always guessing the most common character.
  return { ...data, spec: { ...spec, targetAccuracy: majorityShare(data.test.flatMap((e) => e.target)) } };
}

/** Share of the most common value: what always answering that value would score. */
export function majorityShare(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const best = Math.max(0, ...counts.values());
  return values.length === 0 ? 0 : Math.round((best / values.length) * 1000) / 1000;
}
