import type { Example } from '../engine/types';
import { LIMITS } from '../protocol/training-config';
import type { Rng } from './random';
import type { TaskData, TaskSpec } from './types';

/** End-of-sequence token; always output id 0 in the encoder-decoder and one-to-many tasks. */
export const EOS = '<eos>';

/** A token list with a reverse index (id ↔ token). */
export class Vocab {
  readonly tokens: readonly string[];
  private readonly index: Map<string, number>;

  constructor(tokens: readonly string[]) {
    this.index = new Map();
    tokens.forEach((t, i) => {
      if (this.index.has(t)) throw new Error(`duplicate vocabulary token "${t}"`);
      this.index.set(t, i);
    });
    this.tokens = tokens.slice();
  }

  get size(): number {
    return this.tokens.length;
  }

  has(token: string): boolean {
    return this.index.has(token);
  }

  id(token: string): number {
    const i = this.index.get(token);
    if (i === undefined) throw new Error(`token "${token}" is not in the vocabulary`);
    return i;
  }

  ids(tokens: readonly string[]): number[] {
    return tokens.map((t) => this.id(t));
  }
}

/** How token ids become text for the learner: words with spaces, characters joined directly. */
export type Joiner = 'words' | 'chars';

export function formatter(vocab: readonly string[], joiner: Joiner): (ids: readonly number[]) => string {
  const sep = joiner === 'words' ? ' ' : '';
  return (ids) => ids.map((i) => vocab[i] ?? '�').join(sep);
}

export interface TaskDataParts {
  readonly spec: TaskSpec;
  readonly inputVocab: readonly string[];
  readonly outputVocab: readonly string[];
  readonly train: readonly Example[];
  readonly test: readonly Example[];
  readonly inputJoiner: Joiner;
  readonly outputJoiner: Joiner;
}

/** Assemble a TaskData and check it against the engine's caps (vocabulary, sequence length, shape rules). */
export function buildTaskData(parts: TaskDataParts): TaskData {
  const { spec, inputVocab, outputVocab, train, test } = parts;
  for (const [name, vocab] of [['input', inputVocab], ['output', outputVocab]] as const) {
    if (vocab.length > LIMITS.vocab) {
      throw new Error(`${spec.id}: ${name} vocabulary has ${vocab.length} tokens; the cap is ${LIMITS.vocab}`);
    }
  }
  for (const ex of [...train, ...test]) checkExample(spec, ex, inputVocab.length, outputVocab.length);
  return {
    spec,
    inputVocab,
    outputVocab,
    train,
    test,
    formatInput: formatter(inputVocab, parts.inputJoiner),
    formatOutput: formatter(outputVocab, parts.outputJoiner),
  };
}

function checkExample(spec: TaskSpec, ex: Example, inSize: number, outSize: number): void {
  const fail = (why: string): never => {
    throw new Error(`${spec.id}: bad generated example (${why})`);
  };
  if (ex.input.length === 0 || ex.target.length === 0) fail('empty sequence');
  if (ex.input.length > LIMITS.seqLen || ex.target.length > LIMITS.seqLen) {
    fail(`longer than the cap of ${LIMITS.seqLen} steps`);
  }
  if (ex.input.some((i) => !Number.isInteger(i) || i < 0 || i >= inSize)) fail('input id out of range');
  if (ex.target.some((i) => !Number.isInteger(i) || i < 0 || i >= outSize)) fail('target id out of range');
  switch (spec.shape) {
    case 'many-to-one':
      if (ex.target.length !== 1) fail('many-to-one needs exactly one target');
      break;
    case 'many-to-many':
      if (ex.target.length !== ex.input.length) fail('many-to-many needs one target per input');
      break;
    case 'one-to-many':
      if (ex.input.length !== 1) fail('one-to-many needs exactly one input token');
      break;
    case 'encoder-decoder':
      break;
  }
}

/**
 * Draw distinct items from a generator (keyed by `key`) until `count` are found or the attempts run out.
 * Small grammars run out of new sentences, so the caller gets fewer rather than an endless loop.
 */
export function drawDistinct<T>(
  count: number,
  make: (rng: Rng) => T,
  key: (item: T) => string,
  rng: Rng,
  exclude: ReadonlySet<string> = new Set(),
): { items: T[]; keys: Set<string> } {
  const keys = new Set<string>();
  const items: T[] = [];
  const maxAttempts = count * 50;
  for (let attempt = 0; attempt < maxAttempts && items.length < count; attempt++) {
    const item = make(rng);
    const k = key(item);
    if (keys.has(k) || exclude.has(k)) continue;
    keys.add(k);
    items.push(item);
  }
  return { items, keys };
}

/** Split distinct generated items into disjoint train and test sets (test first so its size is guaranteed). */
export function distinctSplit<T>(
  trainCount: number,
  testCount: number,
  make: (rng: Rng) => T,
  key: (item: T) => string,
  rng: Rng,
): { train: T[]; test: T[] } {
  const test = drawDistinct(testCount, make, key, rng);
  const train = drawDistinct(trainCount, make, key, rng, test.keys);
  return { train: train.items, test: test.items };
}
