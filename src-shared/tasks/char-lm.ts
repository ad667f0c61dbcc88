/**
 * Character-level language model (many-to-many): at every step predict the next character.
 * Input "it is a trut", target "t is a truth": the target is the input shifted left by one.
 * The bundled text is lowercased to keep the vocabulary small; pasted text (user-text.ts) keeps its case.
 */
import type { Example } from '../engine/types';
import { CORPUS } from './corpus';
import { buildTaskData, Vocab } from './dataset';
import { resolveParams } from './params';
import { createRng } from './random';
import type { TaskData, TaskSpec } from './types';
import { fail } from '../protocol/problem';

export const CHAR_LM_SPEC: TaskSpec = {
  id: 'char-lm',
  title: 'Next character (Jane Austen)',
  blurb: 'Read a passage of Pride and Prejudice one character at a time and guess the next character at every step.',
  shape: 'many-to-many',
  loss: 'softmax-ce',
  targetAccuracy: 0.28,
  params: [{ key: 'length', label: 'Characters per sequence', min: 8, max: 64, step: 1, default: 32 }],
};

export interface CharWindows {
  readonly seqLen: number;
  readonly trainCount: number;
  readonly testCount: number;
}

/**
 * Cut a text into (input, next-character target) windows. The last tenth (at least two windows' worth)
 * is held out, so the test set is text the model never trained on.
 */
export function charLmFromText(text: string, spec: TaskSpec, seed: number, w: CharWindows): TaskData {
  const vocab = new Vocab([...new Set(text)].sort());
  const ids = vocab.ids([...text]);
  const span = w.seqLen + 1;
  const testStart = ids.length - Math.max(Math.ceil(ids.length / 10), 2 * span);
  if (testStart < span) {
    fail('data.text.tooShort', { chars: ids.length, min: 3 * span }, `${spec.id}: the text has ${ids.length} characters; at least ${3 * span} are needed for sequences of ${w.seqLen}`);
  }
  const window = (start: number): Example => ({
    input: ids.slice(start, start + w.seqLen),
    target: ids.slice(start + 1, start + span),
  });
  const rng = createRng(seed);
  const train = Array.from({ length: w.trainCount }, () => window(rng.int(testStart - span + 1)));
  // Test windows are evenly spaced over the held-out tail (deterministic, overlapping when the tail is short).
  const lastTestStart = ids.length - span;
  const testCount = Math.min(w.testCount, lastTestStart - testStart + 1);
  const test = Array.from({ length: testCount }, (_, i) =>
    window(testStart + Math.floor((i * (lastTestStart - testStart)) / Math.max(1, testCount - 1))),
  );
  return buildTaskData({
    spec,
    inputVocab: vocab.tokens,
    outputVocab: vocab.tokens,
    train,
    test,
    inputJoiner: 'chars',
    outputJoiner: 'chars',
  });
}

export function makeCharLmTask(params: Readonly<Record<string, number>>, seed: number): TaskData {
  const { length } = resolveParams(CHAR_LM_SPEC, params);
  return charLmFromText(CORPUS.toLowerCase(), CHAR_LM_SPEC, seed, { seqLen: length, trainCount: 1200, testCount: 200 });
}
