/**
 * The learner's own data set (a config's `dataset`) turned into a task: text becomes a character language model,
 * a CSV a classifier (`label` column) or a tagger (`tags` column). The size cap is checked before any parsing.
 */
import { LIMITS, type Dataset } from '../protocol/training-config';
import type { TaskData, TaskId } from './types';
import { taskFromCsv } from './user-csv';
import { taskFromText } from './user-text';
import { fail } from '../protocol/problem';

export function taskFromDataset(dataset: Pick<Dataset, 'kind' | 'source'>, seed: number): TaskData {
  const size = dataset.source.length;
  if (size > LIMITS.datasetChars) {
    fail(
      `data.${dataset.kind}.tooLong`,
      { chars: size, cap: LIMITS.datasetChars },
      `your ${dataset.kind === 'text' ? 'text' : 'CSV'} has ${size.toLocaleString('en')} characters; the cap is ${LIMITS.datasetChars.toLocaleString('en')}`,
    );
  }
  return dataset.kind === 'text' ? taskFromText(dataset.source, seed) : taskFromCsv(dataset.source, seed);
}

/**
 * The task a config trains: its dataset when it has one, which must agree with the config's task id (the shape
 * the Lab and the views draw), else the bundled task's generator.
 */
export function taskForRun(
  config: { task: TaskId; dataset?: Pick<Dataset, 'kind' | 'source'> },
  seed: number,
  bundled: (id: TaskId) => TaskData,
): TaskData {
  if (!config.dataset) return bundled(config.task);
  const data = taskFromDataset(config.dataset, seed);
  if (data.spec.id !== config.task) {
    throw new Error(`task: your data trains the "${data.spec.id}" shape, but the config names "${config.task}"`);
  }
  return data;
}
