import type { ProblemShape } from '../../../src-shared/engine/types';
import type { TaskId } from '../../../src-shared/tasks/types';

/**
 * Each bundled task's problem shape, without importing the task modules (and their corpora) into the
 * renderer bundle. A unit test checks this table against the tasks' own specs.
 */
export const TASK_SHAPES: Readonly<Record<TaskId, ProblemShape>> = {
  sentiment: 'many-to-one',
  'pos-tagging': 'many-to-many',
  'number-words': 'encoder-decoder',
  melody: 'one-to-many',
  memory: 'many-to-one',
  'char-lm': 'many-to-many',
};
