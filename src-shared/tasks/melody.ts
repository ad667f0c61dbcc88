/**
 * Melody from a seed note (one-to-many): one input token, a sequence of notes out, then <eos>.
 * The seed names a key and a pattern ("D min" = D minor arpeggio); the melody follows that pattern up and
 * down from the key's root. There is one melody per seed, so the model learns all of them: the test set is
 * the same seeds, and the question is whether it can replay each tune from a single input step.
 */
import { buildTaskData, EOS, Vocab } from './dataset';
import { resolveParams } from './params';
import { createRng } from './random';
import type { TaskData, TaskSpec } from './types';

export const MELODY_SPEC: TaskSpec = {
  id: 'melody',
  title: 'Melody from a seed note',
  blurb: 'From a single seed such as "D min", play the matching arpeggio or scale note by note, then stop.',
  shape: 'one-to-many',
  loss: 'softmax-ce',
  targetAccuracy: 0.95,
  params: [{ key: 'notes', label: 'Notes per melody', min: 4, max: 16, step: 1, default: 8 }],
};

const PITCH_CLASSES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];
/** Semitone offsets from the root, one period of each pattern (it repeats if the melody is longer). */
export const PATTERNS: Record<string, readonly number[]> = {
  maj: [0, 4, 7, 12, 7, 4], // major arpeggio up and down
  min: [0, 3, 7, 12, 7, 3], // minor arpeggio up and down
  scale: [0, 2, 4, 5, 7, 9, 11, 12, 11, 9, 7, 5, 4, 2], // major scale up and down
};

/** Note name with octave, counting semitones from C4 (0 = C4, 12 = C5). */
export function noteName(semitonesFromC4: number): string {
  return `${PITCH_CLASSES[semitonesFromC4 % 12]}${4 + Math.floor(semitonesFromC4 / 12)}`;
}

/** The seed tokens, e.g. "C maj", "F# scale": every root of the fourth octave with every pattern. */
export const MELODY_SEEDS: readonly string[] = Object.keys(PATTERNS).flatMap((p) => PITCH_CLASSES.map((pc) => `${pc} ${p}`));

export function melodyFor(seedToken: string, notes: number): string[] {
  const [pc, pattern] = seedToken.split(' ');
  const root = PITCH_CLASSES.indexOf(pc);
  const steps = PATTERNS[pattern];
  if (root < 0 || !steps) throw new Error(`melody: unknown seed "${seedToken}"`);
  return Array.from({ length: notes }, (_, i) => noteName(root + steps[i % steps.length]));
}

export function makeMelodyTask(params: Readonly<Record<string, number>>, seed: number): TaskData {
  // Each seed token has exactly one melody, so the seed only changes the order of the training examples.
  const { notes } = resolveParams(MELODY_SPEC, params);
  const inputVocab = new Vocab(MELODY_SEEDS);
  const outputVocab = new Vocab([EOS, ...Array.from({ length: 24 }, (_, i) => noteName(i))]);
  const examples = MELODY_SEEDS.map((s) => ({
    input: [inputVocab.id(s)],
    target: outputVocab.ids([...melodyFor(s, notes), EOS]),
  }));
  return buildTaskData({
    spec: MELODY_SPEC,
    inputVocab: inputVocab.tokens,
    outputVocab: outputVocab.tokens,
    train: createRng(seed).shuffle(examples),
    test: examples,
    inputJoiner: 'words',
    outputJoiner: 'words',
  });
}
