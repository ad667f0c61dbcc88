/** The bundled learning tasks, the importers for the learner's own data, and text sampling. */
export type { TaskData, TaskId, TaskParamSpec, TaskSpec } from './types';
export { makeTask, TASK_IDS, TASK_REGISTRY, TASK_SPECS, type TaskDefinition } from './registry';
export { EOS } from './dataset';
export { resolveParams } from './params';
export { createRng, type Rng } from './random';
export { taskFromText, TEXT_LIMITS } from './user-text';
export { taskFromCsv, CSV_LIMITS, UNK } from './user-csv';
export { taskFromDataset, taskForRun } from './user-data';
export { sampleText, drawIndex, type SampleOptions } from './sample-text';
export { CORPUS } from './corpus';
export { sentimentRule, SENTIMENT_LABELS } from './sentiment';
export { AMBIGUOUS_WORDS, POS_TAGS } from './pos-tagging';
export { numberToWords } from './number-words';
