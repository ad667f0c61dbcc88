import * as v from 'valibot';

/** Caps enforced on every configuration before training starts (the message names the cap). */
export const LIMITS = {
  hiddenSize: 256,
  batchSize: 64,
  seqLen: 200,
  vocab: 256,
  fileBytes: 5_000_000,
  /** The learner's own text or CSV, carried in every config that trains on it (checked before parsing). */
  datasetChars: 1_000_000,
} as const;

const int = (min: number, max: number, what: string) =>
  v.pipe(
    v.number(`${what} must be a number`),
    v.integer(`${what} must be a whole number`),
    v.minValue(min, `${what} must be at least ${min}`),
    v.maxValue(max, `${what} must be at most ${max}`),
  );
const num = (min: number, max: number, what: string) =>
  v.pipe(
    v.number(`${what} must be a number`),
    v.finite(`${what} must be finite`),
    v.minValue(min, `${what} must be at least ${min}`),
    v.maxValue(max, `${what} must be at most ${max}`),
  );

export const TaskIdSchema = v.picklist(['sentiment', 'pos-tagging', 'number-words', 'melody', 'memory', 'char-lm']);
export const CellKindSchema = v.picklist(['rnn', 'lstm', 'gru']);
export const ActivationSchema = v.picklist(['tanh', 'relu', 'linear']);

/**
 * The learner's own data: pasted or opened text (a character language model) or a labelled CSV (a classifier or
 * a tagger). It travels inside the config, so a restarted trainer, a saved run and a run file rebuild the same task.
 */
export const DatasetSchema = v.strictObject({
  kind: v.picklist(['text', 'csv'], 'dataset kind must be text or csv'),
  /** File name, or empty when pasted. */
  name: v.pipe(v.string('dataset name must be text'), v.maxLength(120, 'dataset name must be at most 120 characters')),
  source: v.pipe(
    v.string('dataset source must be text'),
    v.minLength(1, 'dataset source is empty'),
    v.maxLength(LIMITS.datasetChars, `dataset source must be at most ${LIMITS.datasetChars.toLocaleString('en')} characters`),
  ),
});
export type Dataset = v.InferOutput<typeof DatasetSchema>;

/** Everything the learner chooses for a run. Same schema in the UI, main, trainer and saved files. */
export const TrainingConfigSchema = v.strictObject({
  task: TaskIdSchema,
  /** Task knobs by key (see TaskSpec.params); unknown keys are rejected by the task. */
  taskParams: v.pipe(v.record(v.pipe(v.string(), v.maxLength(32)), num(-1e6, 1e6, 'task parameter')), v.maxEntries(8)),
  cell: CellKindSchema,
  activation: ActivationSchema,
  hiddenSize: int(1, LIMITS.hiddenSize, 'hidden size'),
  layers: v.picklist([1, 2], 'layers must be 1 or 2'),
  bidirectional: v.boolean('bidirectional must be true or false'),
  optimizer: v.picklist(['sgd', 'adam'], 'optimizer must be sgd or adam'),
  learningRate: num(1e-6, 10, 'learning rate'),
  momentum: num(0, 0.999, 'momentum'),
  clipNorm: num(0, 1e6, 'clip norm'),
  batchSize: int(1, LIMITS.batchSize, 'batch size'),
  seed: int(0, 2 ** 31 - 1, 'seed'),
  initKind: v.picklist(['xavier', 'spectral'], 'init must be xavier or spectral'),
  spectralRadius: num(0.01, 3, 'spectral radius'),
  /** Truncated BPTT window; 0 means full backpropagation through time. */
  truncateBptt: int(0, LIMITS.seqLen, 'BPTT truncation'),
  /** Train on the learner's own data instead of the bundled task's generator (see DatasetSchema). */
  dataset: v.optional(DatasetSchema),
  /** Stop by itself once held-out accuracy reaches this fraction (absent: train until told to stop). */
  stopAtAccuracy: v.optional(num(0.01, 1, 'target accuracy')),
  /** Stop by itself once this many steps are done (absent: no limit). */
  stopAtStep: v.optional(int(1, 100_000_000, 'step limit')),
});
export type TrainingConfig = v.InferOutput<typeof TrainingConfigSchema>;

/** First-launch defaults: train visibly within seconds on a school PC. */
export const DEFAULT_CONFIG: TrainingConfig = {
  task: 'sentiment',
  taskParams: {},
  cell: 'lstm',
  activation: 'tanh',
  hiddenSize: 24,
  layers: 1,
  bidirectional: false,
  optimizer: 'adam',
  learningRate: 0.01,
  momentum: 0.9,
  clipNorm: 5,
  batchSize: 16,
  seed: 42,
  initKind: 'xavier',
  spectralRadius: 1,
  truncateBptt: 0,
};
