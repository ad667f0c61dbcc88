/**
 * Memory horizon (many-to-one): remember the first symbol across k distractors.
 * "C 3 1 4 1 5 ?" → "C". Only the first step carries the answer, so the gradient has to travel back k + 1 steps;
 * raising k shows where a vanilla RNN's memory runs out while an LSTM or GRU still answers.
 */
import { buildTaskData, Vocab } from './dataset';
import { resolveParams } from './params';
import { createRng, type Rng } from './random';
import type { TaskData, TaskSpec } from './types';

export const MEMORY_SPEC: TaskSpec = {
  id: 'memory',
  title: 'Memory horizon',
  blurb: 'Remember the letter at the start, read past k distracting digits, and name the letter when you see "?".',
  shape: 'many-to-one',
  loss: 'softmax-ce',
  targetAccuracy: 0.95,
  params: [
    { key: 'k', label: 'Distractors to read past', min: 1, max: 100, step: 1, default: 10 },
    { key: 'symbols', label: 'Letters to choose from', min: 2, max: 8, step: 1, default: 8 },
  ],
};

const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];
const DISTRACTORS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const QUERY = '?';

export function makeMemoryTask(params: Readonly<Record<string, number>>, seed: number): TaskData {
  const { k, symbols } = resolveParams(MEMORY_SPEC, params);
  const rng = createRng(seed);
  const letters = LETTERS.slice(0, symbols);
  const inputVocab = new Vocab([...letters, ...DISTRACTORS, QUERY]);
  const make = (r: Rng) => {
    const answer = r.int(symbols);
    const middle = Array.from({ length: k }, () => r.pick(DISTRACTORS));
    return { input: inputVocab.ids([letters[answer], ...middle, QUERY]), target: [answer] };
  };
  // With k ≥ 4 there are far more sequences than examples, so repeats are rare and harmless; no de-duplication.
  const train = Array.from({ length: 1000 }, () => make(rng));
  const test = Array.from({ length: 200 }, () => make(rng));
  return buildTaskData({
    spec: MEMORY_SPEC,
    inputVocab: inputVocab.tokens,
    outputVocab: letters,
    train,
    test,
    inputJoiner: 'words',
    outputJoiner: 'words',
  });
}
