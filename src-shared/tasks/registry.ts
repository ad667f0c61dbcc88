/** The bundled tasks by id: each one's spec and its seeded generator. */
import { CHAR_LM_SPEC, makeCharLmTask } from './char-lm';
import { makeMelodyTask, MELODY_SPEC } from './melody';
import { makeMemoryTask, MEMORY_SPEC } from './memory';
import { makeNumberWordsTask, NUMBER_WORDS_SPEC } from './number-words';
import { makePosTask, POS_SPEC } from './pos-tagging';
import { makeSentimentTask, SENTIMENT_SPEC } from './sentiment';
import type { TaskData, TaskId, TaskSpec } from './types';

export interface TaskDefinition {
  readonly spec: TaskSpec;
  /** Same params and seed → identical data. Throws on unknown or out-of-range params. */
  generate(params: Readonly<Record<string, number>>, seed: number): TaskData;
}

export const TASK_REGISTRY: Readonly<Record<TaskId, TaskDefinition>> = {
  sentiment: { spec: SENTIMENT_SPEC, generate: makeSentimentTask },
  'pos-tagging': { spec: POS_SPEC, generate: makePosTask },
  'number-words': { spec: NUMBER_WORDS_SPEC, generate: makeNumberWordsTask },
  melody: { spec: MELODY_SPEC, generate: makeMelodyTask },
  memory: { spec: MEMORY_SPEC, generate: makeMemoryTask },
  'char-lm': { spec: CHAR_LM_SPEC, generate: makeCharLmTask },
};

/** Display order, following the lesson: the four shapes first, then memory, then generation. */
export const TASK_IDS: readonly TaskId[] = ['sentiment', 'pos-tagging', 'number-words', 'melody', 'memory', 'char-lm'];

export const TASK_SPECS: Readonly<Record<TaskId, TaskSpec>> = {
  sentiment: SENTIMENT_SPEC,
  'pos-tagging': POS_SPEC,
  'number-words': NUMBER_WORDS_SPEC,
  melody: MELODY_SPEC,
  memory: MEMORY_SPEC,
  'char-lm': CHAR_LM_SPEC,
};

/** Generate a bundled task's data set. */
export function makeTask(id: TaskId, params: Readonly<Record<string, number>>, seed: number): TaskData {
  const def: TaskDefinition | undefined = Object.hasOwn(TASK_REGISTRY, id) ? TASK_REGISTRY[id] : undefined;
  if (!def) throw new Error(`unknown task "${String(id)}" (bundled tasks: ${TASK_IDS.join(', ')})`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be a whole number (got ${seed})`);
  return def.generate(params, seed);
}
