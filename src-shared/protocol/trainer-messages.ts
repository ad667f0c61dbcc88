import * as v from 'valibot';
import { TrainingConfigSchema } from './training-config';
import { PackedCheckpointSchema } from './packed-checkpoint';
import { count, finite } from './numbers';

/**
 * Messages on the training stream (renderer ⇄ trainer, over a MessagePort or a Web Worker)
 * and on the supervision channel (main ⇄ trainer utility process).
 * Every message is a discriminated union member; receivers validate with the schemas below.
 */

export const PROTOCOL_VERSION = 1;

/** One step's scalars, as the stats stream carries them (trainer-events' StepPoint) and a checkpoint keeps them. */
export const StepPointFieldsSchema = v.strictObject({
  step: count,
  loss: v.number(),
  accuracy: v.number(),
  gradNormBefore: v.number(),
  gradNormAfter: v.number(),
  clipped: v.boolean(),
});

export const CheckpointSchema = v.strictObject({
  version: v.literal(1),
  config: TrainingConfigSchema,
  step: count,
  params: v.pipe(v.record(v.pipe(v.string(), v.maxLength(64)), v.array(finite)), v.maxEntries(256)),
  optimizer: v.pipe(v.record(v.pipe(v.string(), v.maxLength(64)), v.array(finite)), v.maxEntries(1024)),
  history: v.pipe(v.array(StepPointFieldsSchema), v.maxLength(100_000)),
});

/** Enough to resume a run exactly where it was. */
export type Checkpoint = v.InferOutput<typeof CheckpointSchema>;

/** Renderer → trainer. */
export const TrainerCommandSchema = v.variant('type', [
  v.strictObject({ type: v.literal('configure'), config: TrainingConfigSchema }),
  v.strictObject({ type: v.literal('start') }),
  v.strictObject({ type: v.literal('pause') }),
  v.strictObject({ type: v.literal('step'), count: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000)) }),
  v.strictObject({ type: v.literal('stop') }),
  v.strictObject({ type: v.literal('reset') }),
  v.strictObject({ type: v.literal('snapshot'), requestId: count }),
  /** A window (re)connected: describe the run in progress, if any, before it configures one. */
  v.strictObject({ type: v.literal('sync') }),
  /** Speed cap for teaching: at most this many training steps a second; 0 = full speed. */
  v.strictObject({
    type: v.literal('pace'),
    stepsPerSecond: v.pipe(v.number('speed must be a number'), v.finite('speed must be finite'), v.minValue(0, 'speed must be at least 0'), v.maxValue(10_000, 'speed must be at most 10000')),
  }),
  /** Backpressure: the renderer has drawn every stats message up to `seq`. */
  v.strictObject({ type: v.literal('ack'), seq: count }),
  /** Reopen a saved run: continue from its checkpoint, paused (answered like a configure, then the history). */
  v.strictObject({ type: v.literal('restore'), checkpoint: CheckpointSchema }),
]);
export type TrainerCommand = v.InferOutput<typeof TrainerCommandSchema>;

/** Commands that cut a running training step short (session/interrupt-signal.ts). */
const INTERRUPTING: ReadonlySet<unknown> = new Set<TrainerCommand['type']>(['configure', 'pause', 'step', 'stop', 'reset', 'restore']);

/** Whether a raw stream message, valid or not, is one of the interrupting commands (judged by its type alone). */
export function interruptsTraining(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && INTERRUPTING.has((raw as { type?: unknown }).type);
}

/** Trainer → renderer: the events, declared by their schema (trainer-events.ts). */
export type { EvalResult, SessionState, StepPoint, StopReason, TrainerEvent } from './trainer-events';
/** Rich instrumentation of the latest step: the engine's StepTrace plus the step's context (step-detail.ts). */
export type { StepDetail } from './step-detail';

/** Main → trainer (utility process parent port). */
export const SupervisorCommandSchema = v.variant('type', [
  v.strictObject({ type: v.literal('restore'), checkpoint: PackedCheckpointSchema, resume: v.boolean() }),
  v.strictObject({ type: v.literal('ping'), id: count }),
]);
export type SupervisorCommand = v.InferOutput<typeof SupervisorCommandSchema>;

/**
 * Trainer → its supervisor (main in Electron, the page in the browser), on the control channel. The supervisor
 * validates each message with this schema: a checkpoint replaces the one a restart would restore only if it passes.
 */
export const SupervisorEventSchema = v.variant('type', [
  v.strictObject({ type: v.literal('heartbeat'), at: finite }),
  v.strictObject({ type: v.literal('pong'), id: count }),
  v.strictObject({ type: v.literal('checkpoint'), checkpoint: PackedCheckpointSchema, training: v.boolean() }),
  /** Training (re)started from the step of the last checkpoint sent: only its `training` flag changes. */
  v.strictObject({ type: v.literal('training'), step: count }),
]);
export type SupervisorEvent = v.InferOutput<typeof SupervisorEventSchema>;

/** Exhaustiveness guard for `switch (msg.type)`. */
export function assertNever(x: never): never {
  throw new Error(`unhandled message ${JSON.stringify(x)}`);
}
