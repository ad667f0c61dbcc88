/**
 * Sentiment of short film reviews (many-to-one, word tokens).
 *
 * The rule the learner can read off every example:
 *   1. Only the verdict clause counts: the one after "but" when there is a "but", otherwise the whole review.
 *   2. The verdict adjective (the last word) says positive or negative, and a "not" in the verdict clause flips it.
 * `gap` neutral filler words sit between the "not" slot and the verdict adjective, so with a large gap
 * the model must carry the "not" across many steps: a vanilla RNN loses it, an LSTM or GRU keeps it.
 */
import { buildTaskData, distinctSplit, Vocab } from './dataset';
import { resolveParams } from './params';
import { createRng, type Rng } from './random';
import type { TaskData, TaskSpec } from './types';

export const SENTIMENT_SPEC: TaskSpec = {
  id: 'sentiment',
  title: 'Film review sentiment',
  blurb:
    'Read a short review and say whether it is positive or negative: the part after "but" decides, and "not" flips the final word.',
  shape: 'many-to-one',
  loss: 'softmax-ce',
  targetAccuracy: 0.95,
  params: [{ key: 'gap', label: 'Filler words before the verdict', min: 0, max: 40, step: 1, default: 3 }],
};

export const SENTIMENT_LABELS = ['negative', 'positive'] as const;

const SUBJECTS: readonly (readonly string[])[] = [
  ['the', 'acting'], ['the', 'plot'], ['the', 'music'], ['the', 'script'], ['the', 'ending'],
  ['the', 'dialogue'], ['the', 'first', 'half'], ['the', 'second', 'half'], ['the', 'cast'],
  ['the', 'pacing'], ['the', 'story'], ['the', 'camera', 'work'],
];
const POSITIVE = ['good', 'great', 'wonderful', 'superb', 'charming', 'clever', 'moving', 'delightful'];
const NEGATIVE = ['bad', 'dull', 'awful', 'boring', 'flat', 'clumsy', 'tedious', 'weak'];
/** Predicates that can open a contrary clause, by polarity (index 1 = positive). */
const PREDICATES: readonly (readonly (readonly string[])[])[] = [
  [['dragged'], ['fell', 'apart'], ['went', 'nowhere'], ...NEGATIVE.map((a) => ['was', a])],
  [['sparkled'], ['won', 'me', 'over'], ['flew', 'by'], ...POSITIVE.map((a) => ['was', a])],
];
/** Neutral asides used to pad the verdict clause; one-word ones let any gap be filled exactly. */
const FILLERS: readonly (readonly string[])[] = [
  ['honestly'], ['frankly'], ['overall'], ['really'], ['to', 'be', 'fair'], ['in', 'the', 'end'],
  ['all', 'things', 'considered'], ['if', 'i', 'am', 'honest'], ['for', 'what', 'it', 'is', 'worth'],
  ['after', 'a', 'second', 'viewing'], ['as', 'far', 'as', 'i', 'can', 'tell'], ['on', 'the', 'whole'],
  ['in', 'my', 'opinion'], ['looking', 'back'], ['when', 'all', 'is', 'said', 'and', 'done'],
];

/** Every word the grammar can produce, in a fixed order, so the vocabulary never depends on seed or gap. */
const WORDS: readonly string[] = [
  ...new Set([
    ...SUBJECTS.flat(),
    ...PREDICATES.flat(2),
    ...POSITIVE,
    ...NEGATIVE,
    ...FILLERS.flat(),
    'was', 'not', 'but', ',',
  ]),
];

export interface Review {
  readonly words: string[];
  /** 1 = positive, 0 = negative. */
  readonly label: 0 | 1;
}

/** Exactly `gap` filler words made of whole asides. */
export function fillerWords(gap: number, rng: Rng): string[] {
  const out: string[] = [];
  while (out.length < gap) {
    const room = gap - out.length;
    out.push(...rng.pick(FILLERS.filter((f) => f.length <= room)));
  }
  return out;
}

export function makeReview(gap: number, rng: Rng): Review {
  const label: 0 | 1 = rng.chance(0.5) ? 1 : 0;
  const negated = rng.chance(0.5);
  // The verdict adjective's own polarity: equal to the label unless "not" flips it.
  const adjPositive = negated ? label === 0 : label === 1;
  const words: string[] = [];
  if (rng.chance(0.5)) {
    // A contrary opening clause whose tone is the opposite of the final verdict.
    words.push(...rng.pick(SUBJECTS), ...rng.pick(PREDICATES[1 - label]), ',', 'but');
  }
  words.push(...rng.pick(SUBJECTS), 'was');
  if (negated) words.push('not');
  if (gap > 0) words.push(',', ...fillerWords(gap, rng), ',');
  words.push(rng.pick(adjPositive ? POSITIVE : NEGATIVE));
  return { words, label };
}

/** The readable rule, applied to any review: the clause after the last "but" decides, "not" flips the last word. */
export function sentimentRule(words: readonly string[]): 0 | 1 {
  const start = words.lastIndexOf('but') + 1;
  const verdict = words.slice(start);
  const last = verdict[verdict.length - 1];
  const positive = POSITIVE.includes(last);
  if (!positive && !NEGATIVE.includes(last)) throw new Error(`"${last}" is not a verdict adjective`);
  const flipped = verdict.includes('not');
  return positive !== flipped ? 1 : 0;
}

export function makeSentimentTask(params: Readonly<Record<string, number>>, seed: number): TaskData {
  const { gap } = resolveParams(SENTIMENT_SPEC, params);
  const rng = createRng(seed);
  const inputVocab = new Vocab(WORDS);
  const { train, test } = distinctSplit(1200, 200, (r) => makeReview(gap, r), (rv) => rv.words.join(' '), rng);
  const toExample = (rv: Review) => ({ input: inputVocab.ids(rv.words), target: [rv.label] });
  return buildTaskData({
    spec: SENTIMENT_SPEC,
    inputVocab: inputVocab.tokens,
    outputVocab: SENTIMENT_LABELS,
    train: train.map(toExample),
    test: test.map(toExample),
    inputJoiner: 'words',
    outputJoiner: 'words',
  });
}
