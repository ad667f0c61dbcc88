/**
 * Messages between the Gradients lab and its worker (race.worker.ts). Both directions are validated with
 * valibot at the boundary: the worker checks every command, the page checks every event.
 */
import * as v from 'valibot';

/** Held-out scoring this often during a race, in steps per cell. */
export const RACE_EVAL_EVERY = 25;
/** A gradient row (a StepDetail-style trace) is recorded this often during a race, in steps per cell. */
export const RACE_TRACE_EVERY = 2;

const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const finiteOrNaN = v.number();
const CellSchema = v.picklist(['rnn', 'lstm', 'gru']);
const jobId = int(0, 2 ** 31);
/** The kinds of job that hold the worker (one at a time); an explore request is answered between their slices. */
const JobKindSchema = v.picklist(['race', 'horizon', 'bidir']);
export type JobKind = v.InferOutput<typeof JobKindSchema>;

/** Settings shared by every kind of job (same data and seed for every model in it). */
const Common = {
  id: jobId,
  steps: int(1, 5000),
  hiddenSize: int(1, 128),
  batchSize: int(1, 64),
  learningRate: v.pipe(v.number(), v.finite(), v.minValue(1e-5), v.maxValue(1)),
  seed: int(0, 2 ** 31 - 1),
};

export const LabCommandSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('race'),
    ...Common,
    task: v.picklist(['sentiment', 'memory']),
    taskParams: v.record(v.pipe(v.string(), v.maxLength(16)), v.pipe(v.number(), v.finite())),
    cells: v.pipe(v.array(CellSchema), v.minLength(1), v.maxLength(3)),
  }),
  v.strictObject({
    type: v.literal('horizon'),
    ...Common,
    /** memory: k distractors; sentiment: filler words between "not" and the verdict. */
    task: v.picklist(['memory', 'sentiment']),
    ks: v.pipe(v.array(int(0, 100)), v.minLength(1), v.maxLength(20)),
    cells: v.pipe(v.array(CellSchema), v.minLength(1), v.maxLength(3)),
  }),
  v.strictObject({ type: v.literal('bidir'), ...Common, cell: CellSchema }),
  v.strictObject({ type: v.literal('cancel'), id: jobId }),
  /** One-shot: the explorer's Jacobian product (runs between job slices; does not cancel the running job). */
  v.strictObject({
    type: v.literal('explore'),
    id: jobId,
    rho: v.pipe(v.number(), v.minValue(0.01), v.maxValue(3)),
    T: int(1, 200),
    activation: v.picklist(['tanh', 'relu', 'linear']),
    clip: v.pipe(v.number(), v.minValue(0), v.maxValue(1e6)),
  }),
]);
export type LabCommand = v.InferOutput<typeof LabCommandSchema>;
export type RaceCommand = Extract<LabCommand, { type: 'race' }>;
export type HorizonCommand = Extract<LabCommand, { type: 'horizon' }>;
export type BidirCommand = Extract<LabCommand, { type: 'bidir' }>;
export type ExploreCommand = Extract<LabCommand, { type: 'explore' }>;

const PointSchema = v.strictObject({ step: v.number(), loss: finiteOrNaN, accuracy: finiteOrNaN });

export const LabEventSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('progress'),
    id: jobId,
    done: v.number(),
    total: v.number(),
    elapsedMs: v.number(),
  }),
  /** Race: new training points, new gradient rows and new held-out scores for one cell since the last tick. */
  v.strictObject({
    type: v.literal('race-tick'),
    id: jobId,
    cell: CellSchema,
    points: v.array(PointSchema),
    dhRows: v.array(v.strictObject({ step: v.number(), dhNorms: v.array(v.number()) })),
    evals: v.array(v.strictObject({ step: v.number(), testAccuracy: v.number(), testLoss: v.number() })),
    /** ∂L/∂h_t per hidden unit, [T][H], of the tick's latest gradient row (absent when the engine did not record it). */
    latestDh: v.optional(v.strictObject({ step: v.number(), dh: v.array(v.array(v.number())) })),
  }),
  v.strictObject({ type: v.literal('horizon-point'), id: jobId, cell: CellSchema, k: v.number(), testAccuracy: v.number() }),
  v.strictObject({
    type: v.literal('bidir-result'),
    id: jobId,
    bidirectional: v.boolean(),
    /** Held-out accuracy at word position i (0-based), and how many test words sat there. */
    accuracy: v.array(finiteOrNaN),
    counts: v.array(v.number()),
    /** Accuracy on the words whose tag depends on the next word. */
    ambiguousAccuracy: finiteOrNaN,
    overall: finiteOrNaN,
  }),
  v.strictObject({
    type: v.literal('done'),
    id: jobId,
    durationMs: v.number(),
    results: v.array(v.strictObject({ cell: CellSchema, testAccuracy: v.number(), testLoss: v.number(), steps: v.number() })),
  }),
  v.strictObject({
    type: v.literal('explore-result'),
    id: jobId,
    exact: v.array(v.number()),
    ideal: v.array(v.number()),
    clipped: v.array(v.number()),
    clipScale: v.number(),
    rho: v.number(),
  }),
  /** The job stopped early; `replacedBy` names the job whose start cancelled it, if that is why. */
  v.strictObject({ type: v.literal('cancelled'), id: jobId, replacedBy: v.optional(JobKindSchema) }),
  v.strictObject({
    type: v.literal('error'), id: jobId,
    /** For logs; what the page shows comes from `diverged` when set, in the learner's language. */
    message: v.string(),
    diverged: v.optional(v.strictObject({ cell: CellSchema, quantity: v.pipe(v.string(), v.maxLength(40)) })),
  }),
]);
export type LabEvent = v.InferOutput<typeof LabEventSchema>;
