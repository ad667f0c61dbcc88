import * as v from 'valibot';
import { LESSON_SECTION_IDS } from './lesson-pack';
import { TrainingConfigSchema } from './training-config';

/**
 * The lesson demos' bundled models: weights the engine trained at build time (scripts/build-demo-snapshots.ts)
 * from a fixed seed, with the example each demo runs. The renderer validates the file with these schemas when a
 * demo opens and runs the engine's forward and backward pass on the weights, so every value drawn is computed live.
 */
export const DEMO_SNAPSHOT_VERSION = 1;

const MAX_PARAM_VALUES = 1 << 20;
const MAX_VOCAB = 4096;
const MAX_STEPS = 512;

const finite = v.pipe(v.number(), v.finite('a weight must be a finite number'));
const tokenId = v.pipe(v.number(), v.integer('a token id must be an integer'), v.minValue(0, 'a token id cannot be negative'), v.maxValue(MAX_VOCAB - 1));
const token = v.pipe(v.string(), v.maxLength(64));

export const DemoModelSchema = v.strictObject({
  /** Key the demos refer to (several sections may run the same model). */
  id: v.pipe(v.string(), v.nonEmpty(), v.maxLength(64)),
  /** The configuration it was trained with (task, cell, H, seed, optimiser …). */
  config: TrainingConfigSchema,
  /** The task's problem shape and loss, and its vocabularies: what the engine needs without the task's corpus. */
  shape: v.picklist(['many-to-one', 'many-to-many', 'encoder-decoder', 'one-to-many']),
  loss: v.picklist(['softmax-ce', 'mse']),
  inputVocab: v.pipe(v.array(token), v.minLength(1), v.maxLength(MAX_VOCAB)),
  outputVocab: v.pipe(v.array(token), v.minLength(1), v.maxLength(MAX_VOCAB)),
  /** Training steps taken before the weights were written. */
  trainedSteps: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** Every parameter tensor by its engine name, row-major. */
  params: v.pipe(v.record(v.pipe(v.string(), v.maxLength(64)), v.pipe(v.array(finite), v.maxLength(MAX_PARAM_VALUES))), v.minEntries(1), v.maxEntries(64)),
});
export type DemoModel = v.InferOutput<typeof DemoModelSchema>;

export const DemoExampleSchema = v.strictObject({
  /** Model id in `models`. */
  model: v.pipe(v.string(), v.maxLength(64)),
  input: v.pipe(v.array(tokenId), v.minLength(1), v.maxLength(MAX_STEPS)),
  target: v.pipe(v.array(tokenId), v.minLength(1), v.maxLength(MAX_STEPS)),
});
export type DemoExample = v.InferOutput<typeof DemoExampleSchema>;

export const DemoSnapshotFileSchema = v.pipe(
  v.strictObject({
    version: v.literal(DEMO_SNAPSHOT_VERSION),
    models: v.pipe(v.array(DemoModelSchema), v.minLength(1), v.maxLength(16)),
    demos: v.record(v.picklist(LESSON_SECTION_IDS), DemoExampleSchema),
  }),
  v.check((f) => Object.values(f.demos).every((d) => d && f.models.some((m) => m.id === d.model)), 'every demo must name a model in the file'),
  v.check(
    (f) =>
      Object.values(f.demos).every((d) => {
        const m = d && f.models.find((x) => x.id === d.model);
        return !m || (d.input.every((id) => id < m.inputVocab.length) && d.target.every((id) => id < m.outputVocab.length));
      }),
    "every demo's token ids must lie inside its model's vocabularies",
  ),
);
export type DemoSnapshotFile = v.InferOutput<typeof DemoSnapshotFileSchema>;
