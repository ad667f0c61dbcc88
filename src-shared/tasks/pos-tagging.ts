/**
 * Part-of-speech tagging on a toy grammar (many-to-many, one tag per word).
 *
 * Some words are ambiguous and only the NEXT word settles them, while everything to their left is the same
 * for both readings:
 *   - "water", "paint", "fish"... open a clause as a VERB before "the" ("paint the fence") and as a NOUN
 *     before a verb ("paint dries");
 *   - after "the", "cold", "light", "calm"... are an ADJ before a noun ("the cold wind blows") and a NOUN
 *     before a verb ("the cold spreads").
 * A forward-only model must guess those words; a bidirectional one sees the next word and gets them right.
 */
import { buildTaskData, distinctSplit, Vocab } from './dataset';
import { resolveParams } from './params';
import { createRng, type Rng } from './random';
import type { TaskData, TaskSpec } from './types';

export const POS_SPEC: TaskSpec = {
  id: 'pos-tagging',
  title: 'Part-of-speech tagging',
  blurb:
    'Tag every word (noun, verb, adjective...); words like "paint" or "cold" can only be tagged once you see the word after them.',
  shape: 'many-to-many',
  loss: 'softmax-ce',
  targetAccuracy: 0.88,
  params: [],
};

export const POS_TAGS = ['DET', 'NOUN', 'VERB', 'ADJ', 'ADV', 'PREP', 'PRON', 'CONJ', 'PUNCT'] as const;
export type PosTag = (typeof POS_TAGS)[number];
type Tagged = [string, PosTag][];

/** Noun-or-verb words: what they do as a noun subject, and what they act on as an imperative verb. */
const NOUN_VERB: Record<string, { asNoun: string[]; objects: string[] }> = {
  water: { asNoun: ['flows', 'rises', 'drips'], objects: ['plants', 'garden', 'roses'] },
  paint: { asNoun: ['dries', 'peels', 'drips'], objects: ['door', 'fence', 'wall'] },
  fish: { asNoun: ['swim', 'jump'], objects: ['river', 'lake', 'pond'] },
  oil: { asNoun: ['leaks', 'drips', 'burns'], objects: ['hinge', 'chain', 'gate'] },
  salt: { asNoun: ['spills', 'melts'], objects: ['road', 'soup', 'path'] },
  dust: { asNoun: ['settles', 'falls', 'rises'], objects: ['shelf', 'lamp', 'desk'] },
  smoke: { asNoun: ['rises', 'drifts', 'clears'], objects: ['meat', 'ham', 'cheese'] },
  iron: { asNoun: ['rusts', 'bends'], objects: ['shirt', 'dress', 'sheets'] },
};
/** Adjective-or-noun words, used right after "the". */
const ADJ_NOUN = ['cold', 'light', 'dark', 'green', 'calm', 'quiet'];
const ADJ_NOUN_VERBS = ['fades', 'returns', 'spreads', 'falls'];
/** Plain subjects for the adjective reading, each with a fitting intransitive verb. */
const SUBJECT_VERBS: Record<string, string[]> = {
  wind: ['blows', 'fades'], rain: ['falls', 'returns'], river: ['flows', 'rises'],
  dog: ['sleeps', 'barks'], room: ['waits'], child: ['sleeps', 'laughs'],
};
const ADJECTIVES = ['old', 'big', 'small', 'red', 'wet'];
const ADVERBS = ['slowly', 'quickly', 'again', 'today'];
const PREPOSITIONS = ['near', 'under', 'over', 'into'];
const PLACES = ['house', 'road', 'garden', 'field'];
const PRONOUNS = ['we', 'they', 'you', 'i'];
const TRANSITIVE = ['like', 'see', 'want', 'need'];

/** Optional ending: an adverb or a prepositional phrase. */
function tail(rng: Rng): Tagged {
  const r = rng.int(6);
  if (r < 2) return [[rng.pick(ADVERBS), 'ADV']];
  if (r === 2) return [[rng.pick(PREPOSITIONS), 'PREP'], ['the', 'DET'], [rng.pick(PLACES), 'NOUN']];
  return [];
}

function nounPhrase(rng: Rng, noun: string): Tagged {
  const np: Tagged = [['the', 'DET']];
  if (rng.chance(0.3)) np.push([rng.pick(ADJECTIVES), 'ADJ']);
  np.push([noun, 'NOUN']);
  return np;
}

/** One clause; the kinds with an ambiguous word come up twice as often as the plain ones. */
function clause(rng: Rng): Tagged {
  const kind = rng.pick(['nv-verb', 'nv-verb', 'nv-noun', 'nv-noun', 'an-adj', 'an-adj', 'an-noun', 'an-noun', 'plain', 'the-plain']);
  const nv = rng.pick(Object.keys(NOUN_VERB));
  switch (kind) {
    case 'nv-verb': // "paint the old fence slowly"
      return [[nv, 'VERB'], ...nounPhrase(rng, rng.pick(NOUN_VERB[nv].objects)), ...tail(rng)];
    case 'nv-noun': // "paint dries slowly"
      return [[nv, 'NOUN'], [rng.pick(NOUN_VERB[nv].asNoun), 'VERB'], ...tail(rng)];
    case 'an-adj': {
      // "the cold wind blows"
      const subject = rng.pick(Object.keys(SUBJECT_VERBS));
      return [['the', 'DET'], [rng.pick(ADJ_NOUN), 'ADJ'], [subject, 'NOUN'], [rng.pick(SUBJECT_VERBS[subject]), 'VERB'], ...tail(rng)];
    }
    case 'an-noun': // "the cold spreads again"
      return [['the', 'DET'], [rng.pick(ADJ_NOUN), 'NOUN'], [rng.pick(ADJ_NOUN_VERBS), 'VERB'], ...tail(rng)];
    case 'plain': // "we like fish" / "they see the red gate"
      return [
        [rng.pick(PRONOUNS), 'PRON'],
        [rng.pick(TRANSITIVE), 'VERB'],
        ...(rng.chance(0.5) ? ([[nv, 'NOUN']] as Tagged) : nounPhrase(rng, rng.pick(NOUN_VERB[nv].objects))),
      ];
    default: {
      // "the water flows", "the old dog sleeps": after "the" a noun-verb word is always a noun
      const subject = rng.pick(Object.keys(SUBJECT_VERBS));
      return rng.chance(0.5)
        ? [['the', 'DET'], [nv, 'NOUN'], [rng.pick(NOUN_VERB[nv].asNoun), 'VERB'], ...tail(rng)]
        : [...nounPhrase(rng, subject), [rng.pick(SUBJECT_VERBS[subject]), 'VERB']];
    }
  }
}

export function makeTaggedSentence(rng: Rng): Tagged {
  const out = clause(rng);
  if (rng.chance(0.6)) out.push(['and', 'CONJ'], ...clause(rng));
  out.push(['.', 'PUNCT']);
  return out;
}

/** Words whose tag cannot be known from the words before them. */
export const AMBIGUOUS_WORDS: ReadonlySet<string> = new Set([...Object.keys(NOUN_VERB), ...ADJ_NOUN]);

const WORDS: readonly string[] = [
  ...new Set([
    ...Object.keys(NOUN_VERB),
    ...Object.values(NOUN_VERB).flatMap((e) => [...e.asNoun, ...e.objects]),
    ...ADJ_NOUN, ...ADJ_NOUN_VERBS,
    ...Object.keys(SUBJECT_VERBS), ...Object.values(SUBJECT_VERBS).flat(),
    ...ADJECTIVES, ...ADVERBS, ...PREPOSITIONS, ...PLACES, ...PRONOUNS, ...TRANSITIVE,
    'the', 'and', '.',
  ]),
];

export function makePosTask(params: Readonly<Record<string, number>>, seed: number): TaskData {
  resolveParams(POS_SPEC, params);
  const rng = createRng(seed);
  const inputVocab = new Vocab(WORDS);
  const tagVocab = new Vocab(POS_TAGS);
  const { train, test } = distinctSplit(1000, 200, makeTaggedSentence, (s) => s.map(([w]) => w).join(' '), rng);
  const toExample = (s: Tagged) => ({
    input: inputVocab.ids(s.map(([w]) => w)),
    target: tagVocab.ids(s.map(([, t]) => t)),
  });
  return buildTaskData({
    spec: POS_SPEC,
    inputVocab: inputVocab.tokens,
    outputVocab: tagVocab.tokens,
    train: train.map(toExample),
    test: test.map(toExample),
    inputJoiner: 'words',
    outputJoiner: 'words',
  });
}
