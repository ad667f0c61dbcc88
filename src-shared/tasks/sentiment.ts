/**
 * Sentiment of short film reviews (many-to-one, word tokens).
 *
 * The rule the learner can read off every example:
 *   1. Only the verdict clause counts: the one after "but" when there is a "but", otherwise the whole review.
 *   2. Its adjective says positive or negative, and a "not" right before it flips it.
 * After the verdict the reviewer adds `gap` neutral words ("to be fair , all things considered ..."), so the
 * model has to carry the verdict across them to the end of the review. Every step of that carry multiplies
 * the gradient by another Jacobian: with a large gap a vanilla RNN loses the verdict while an LSTM or GRU keeps it.
 */
import { buildTaskData, distinctSplit, Vocab } from './dataset';
import { resolveParams } from './params';
import { createRng, type Rng } from './random';
import type { TaskData, TaskSpec } from './types';

export const SENTIMENT_SPEC: TaskSpec = {
  id: 'sentiment',
  title: 'Film review sentiment',
  blurb:
    'Say whether a short review is positive or negative: the part after "but" decides, "not" flips its adjective, and the chatter after it does not count.',
  shape: 'many-to-one',
  loss: 'softmax-ce',
  targetAccuracy: 0.95,
  params: [{ key: 'gap', label: 'Neutral words after the verdict', min: 0, max: 40, step: 1, default: 3 }],
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
/** Neutral afterthoughts that follow the verdict; one-word ones let any gap be filled exactly. */
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
    'was', 'not', 'but', ',', '.',
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
  let previous: readonly string[] | null = null;
  while (out.length < gap) {
    const room = gap - out.length;
    // Any aside that fits, but not the one just used ("honestly honestly" reads badly).
    const aside: readonly string[] = rng.pick(FILLERS.filter((f) => f.length <= room && f !== previous));
    out.push(...aside);
    previous = aside;
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
  words.push(rng.pick(adjPositive ? POSITIVE : NEGATIVE));
  if (gap > 0) words.push(',', ...fillerWords(gap, rng));
  words.push('.');
  return { words, label };
}

/**
 * The readable rule, applied to any review: in the clause after the last "but" (or the whole review),
 * the sentiment adjective decides, flipped when "not" stands right before it.
 */
export function sentimentRule(words: readonly string[]): 0 | 1 {
  const verdict = words.slice(words.lastIndexOf('but') + 1);
  const at = verdict.findIndex((w) => POSITIVE.includes(w) || NEGATIVE.includes(w));
  if (at < 0) throw new Error(`no verdict adjective in "${verdict.join(' ')}"`);
  const positive = POSITIVE.includes(verdict[at]);
  const flipped = verdict[at - 1] === 'not';
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
