import * as v from 'valibot';
import type { KernelReport } from '../engine/api';
import { StepDetailSchema } from './step-detail';
import { CheckpointSchema, StepPointFieldsSchema } from './trainer-messages';
import { TrainingConfigSchema } from './training-config';
import { count } from './numbers';
import { ProblemSchema } from './problem';

/**
 * Trainer → renderer: every event on the training stream, declared once as a schema; the TypeScript types are what
 * it infers. The renderer checks each event against it at the boundary (src-renderer/backend/trainer-events.ts) and
 * drops, with a warning, anything that does not pass.
 */

const strings = v.array(v.string());

export const SessionStateSchema = v.picklist(['idle', 'training', 'paused', 'diverged', 'error']);
export type SessionState = v.InferOutput<typeof SessionStateSchema>;

/** Per-step scalar history; several steps are coalesced into one stats message when the renderer lags. */
export const StepPointSchema = v.pipe(StepPointFieldsSchema, v.readonly());
export type StepPoint = v.InferOutput<typeof StepPointSchema>;

export const EvalResultSchema = v.pipe(
  v.strictObject({
    step: count,
    testAccuracy: v.number(),
    testLoss: v.number(),
    /** A few held-out examples with the model's answer, rendered as text. */
    samples: v.array(v.strictObject({ input: v.string(), target: v.string(), output: v.string() })),
    /** Language models only: text the model wrote from a held-out prime (session/sample-writer.ts). */
    generated: v.optional(v.strictObject({ prime: v.string(), text: v.string() })),
  }),
  v.readonly(),
);
export type EvalResult = v.InferOutput<typeof EvalResultSchema>;

/** Why a run stopped by itself: the config's stopAtAccuracy or stopAtStep was reached. */
export const StopReasonSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('accuracy'), accuracy: v.number(), target: v.number(), step: count }),
  v.strictObject({ kind: v.literal('steps'), step: count }),
]);
export type StopReason = v.InferOutput<typeof StopReasonSchema>;

export const TrainerEventSchema = v.variant('type', [
  v.strictObject({ type: v.literal('ready'), protocolVersion: v.number() }),
  v.strictObject({ type: v.literal('status'), state: SessionStateSchema, step: count, message: v.string(), stoppedBy: v.optional(StopReasonSchema) }),
  v.strictObject({
    type: v.literal('configured'),
    paramCount: count,
    inputVocab: strings,
    outputVocab: strings,
    /** What the model's arithmetic runs on (absent from older trainers). */
    kernels: v.optional(v.picklist(['wasm-fma', 'wasm-simd', 'portable'] as const satisfies readonly KernelReport[])),
  }),
  v.strictObject({
    type: v.literal('stats'),
    seq: count,
    points: v.array(StepPointSchema),
    detail: v.nullable(StepDetailSchema),
    stepsPerSecond: v.number(),
  }),
  v.strictObject({ type: v.literal('eval'), result: EvalResultSchema }),
  v.strictObject({ type: v.literal('diverged'), step: count, quantity: v.string(), message: v.string() }),
  v.strictObject({ type: v.literal('snapshot'), requestId: count, checkpoint: CheckpointSchema }),
  /** Answer to 'sync': the run's config (then 'configured', its history as 'stats', and 'status'), or null. */
  v.strictObject({ type: v.literal('synced'), config: v.nullable(TrainingConfigSchema) }),
  /** A command the session refused or failed at: `problem` says why in the learner's terms (its detail, in English, for the console). */
  v.strictObject({ type: v.literal('error'), code: v.picklist(['bad-message', 'bad-config', 'internal']), problem: ProblemSchema }),
]);
export type TrainerEvent = v.InferOutput<typeof TrainerEventSchema>;
