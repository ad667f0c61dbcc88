/**
 * The trainer host's second command family: jobs. The Gradients experiments (race, memory-horizon sweep,
 * bidirectional comparison, connectivity comparison, the explorer's Jacobian product) and the quiz's predict-then-check runs are jobs that
 * the trainer host runs beside the Lab's training session, on the same stream (a MessagePort in Electron, the
 * trainer Worker in the browser). Each direction is one envelope type, `{ type: 'job' }`, so the host and the
 * renderer tell the two families apart by the discriminant alone; both sides validate with these schemas.
 */
import * as v from 'valibot';
import { ProblemSchema } from './problem';
import { AttributionSchema } from './step-detail';

/** Held-out scoring this often during a race, in steps per cell. */
export const RACE_EVAL_EVERY = 25;
/** A gradient row (a StepDetail-style trace) is recorded this often during a race, in steps per cell. */
export const RACE_TRACE_EVERY = 2;

const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
const finiteOrNaN = v.number();
const CellSchema = v.picklist(['rnn', 'lstm', 'gru']);
const jobId = int(0, 2 ** 31);
/** The kinds of job that hold the host's job slot (one at a time); an explore request is answered between their slices. */
const JobKindSchema = v.picklist(['race', 'horizon', 'bidir', 'attribution']);
export type JobKind = v.InferOutput<typeof JobKindSchema>;

/** Settings shared by every kind of job (same data and seed for every model in it). */
const Common = {
  steps: int(1, 5000),
  hiddenSize: int(1, 128),
  batchSize: int(1, 64),
  learningRate: v.pipe(v.number(), v.finite(), v.minValue(1e-5), v.maxValue(1)),
  seed: int(0, 2 ** 31 - 1),
};

/** What a job is asked to do. */
export const JobRequestSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('race'),
    ...Common,
    task: v.picklist(['sentiment', 'memory']),
    taskParams: v.pipe(v.record(v.pipe(v.string(), v.maxLength(16)), v.pipe(v.number(), v.finite())), v.maxEntries(8)),
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
  /**
   * The cells trained in lock-step on the sentiment task (same data, seed and batches), with the connectivity of
   * one fixed held-out review containing "but" sent every `every` steps per cell and after the last.
   */
  v.strictObject({
    type: v.literal('attribution'),
    ...Common,
    /** Neutral words after the verdict clause (the sentiment task's gap). */
    gap: int(0, 40),
    every: int(1, 5000),
    cells: v.pipe(v.array(CellSchema), v.minLength(1), v.maxLength(3)),
  }),
  /** One-shot: the explorer's Jacobian product (answered between job slices; it does not replace the running job). */
  v.strictObject({
    type: v.literal('explore'),
    rho: v.pipe(v.number(), v.minValue(0.01), v.maxValue(3)),
    T: int(1, 200),
    activation: v.picklist(['tanh', 'relu', 'linear']),
    clip: v.pipe(v.number(), v.minValue(0), v.maxValue(1e6)),
  }),
]);
export type JobRequest = v.InferOutput<typeof JobRequestSchema>;
export type RaceRequest = Extract<JobRequest, { type: 'race' }>;
export type HorizonRequest = Extract<JobRequest, { type: 'horizon' }>;
export type BidirRequest = Extract<JobRequest, { type: 'bidir' }>;
export type AttributionRequest = Extract<JobRequest, { type: 'attribution' }>;

/** Renderer → trainer host. The renderer picks the ids; starting a job replaces the one running (not an explore). */
export const JobCommandSchema = v.variant('type', [
  v.strictObject({ type: v.literal('start'), id: jobId, request: JobRequestSchema }),
  v.strictObject({ type: v.literal('cancel'), id: jobId }),
  /** Hold the job between two steps (its models stay in memory) until 'resume'. */
  v.strictObject({ type: v.literal('pause'), id: jobId }),
  v.strictObject({ type: v.literal('resume'), id: jobId }),
]);
export type JobCommand = v.InferOutput<typeof JobCommandSchema>;

/** The stream envelope of a job command. */
export const JobStreamCommandSchema = v.strictObject({ type: v.literal('job'), command: JobCommandSchema });
export type JobStreamCommand = v.InferOutput<typeof JobStreamCommandSchema>;

const PointSchema = v.strictObject({ step: v.number(), loss: finiteOrNaN, accuracy: finiteOrNaN });

/** Why a job ended in error: it failed (diverged, threw), its request was refused, or the trainer died under it. */
const JobErrorReasonSchema = v.picklist(['failed', 'bad-request', 'interrupted']);

export const JobEventSchema = v.variant('type', [
  v.strictObject({
    type: v.literal('progress'),
    id: jobId,
    done: v.number(),
    total: v.number(),
    elapsedMs: v.number(),
  }),
  /** The job is held ('pause') or running again ('resume'). */
  v.strictObject({ type: v.literal('paused'), id: jobId, paused: v.boolean() }),
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
  /** Attribution job: one cell's connectivity of the job's example after `step` training steps, and its held-out accuracy then. */
  v.strictObject({
    type: v.literal('attribution-tick'),
    id: jobId,
    cell: CellSchema,
    step: v.number(),
    testAccuracy: finiteOrNaN,
    attribution: AttributionSchema,
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
    type: v.literal('error'), id: jobId, reason: JobErrorReasonSchema,
    /** What went wrong, worded by the page in the learner's language (its English detail is for logs). */
    problem: ProblemSchema,
    /** Set when a model diverged: the page names the cell and the quantity that stopped being finite. */
    diverged: v.optional(v.strictObject({ cell: CellSchema, quantity: v.pipe(v.string(), v.maxLength(40)) })),
  }),
]);
export type JobEvent = v.InferOutput<typeof JobEventSchema>;

/** The stream envelope of a job event. */
export const JobStreamEventSchema = v.strictObject({ type: v.literal('job'), event: JobEventSchema });
export type JobStreamEvent = v.InferOutput<typeof JobStreamEventSchema>;

/** Whether a raw stream message, valid or not, belongs to the job family (judged by its discriminant alone). */
export function isJobMessage(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'job';
}

/** The events that end a job: after one of them the job's id hears nothing more. */
export function endsJob(e: JobEvent): boolean {
  return e.type === 'done' || e.type === 'error' || e.type === 'cancelled' || e.type === 'explore-result';
}
