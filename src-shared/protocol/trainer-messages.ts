import * as v from 'valibot';
import { TrainingConfigSchema, type TrainingConfig } from './training-config';
import { PackedCheckpointSchema, type PackedCheckpoint } from './packed-checkpoint';

/**
 * Messages on the training stream (renderer ⇄ trainer, over a MessagePort or a Web Worker)
 * and on the supervision channel (main ⇄ trainer utility process).
 * Every message is a discriminated union member; receivers validate with the schemas below.
 */

export const PROTOCOL_VERSION = 1;

const finite = v.pipe(v.number(), v.finite());
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const CheckpointSchema = v.strictObject({
  version: v.literal(1),
  config: TrainingConfigSchema,
  step: count,
  params: v.pipe(v.record(v.pipe(v.string(), v.maxLength(64)), v.array(finite)), v.maxEntries(256)),
  optimizer: v.pipe(v.record(v.pipe(v.string(), v.maxLength(64)), v.array(finite)), v.maxEntries(1024)),
  history: v.pipe(
    v.array(
      v.strictObject({
        step: count,
        loss: v.number(),
        accuracy: v.number(),
        gradNormBefore: v.number(),
        gradNormAfter: v.number(),
        clipped: v.boolean(),
      }),
    ),
    v.maxLength(100_000),
  ),
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

export type SessionState = 'idle' | 'training' | 'paused' | 'diverged' | 'error';

/** Per-step scalar history; several steps are coalesced into one stats message when the renderer lags. */
export interface StepPoint {
  readonly step: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly gradNormBefore: number;
  readonly gradNormAfter: number;
  readonly clipped: boolean;
}

/** Rich instrumentation of the latest step (example 0 of its batch). */
export interface StepDetail {
  readonly step: number;
  readonly dhNorms: number[];
  readonly hidden: number[][];
  readonly gates: Record<string, number[][]>;
  readonly whhContrib: number[];
  /** ∂L/∂h_t per unit, [T][H] (top layer, forward direction); absent from trainers that predate it. */
  readonly dh?: number[][];
  /** LSTM cell state c_t per unit, [T][H] (top layer, forward direction); absent for RNN/GRU and older trainers. */
  readonly cells?: number[][];
  /** h←_t per unit, [T][H] (top layer, backward direction), indexed by t like hidden; bidirectional runs only. */
  readonly hiddenBackward?: number[][];
  readonly spectralRadius: number;
  readonly inputTokens: string[];
  readonly outputTokens: string[];
  readonly targetTokens: string[];
}

export interface EvalResult {
  readonly step: number;
  readonly testAccuracy: number;
  readonly testLoss: number;
  /** A few held-out examples with the model's answer, rendered as text. */
  readonly samples: { input: string; target: string; output: string }[];
  /** Language models only: text the model wrote from a held-out prime (session/sample-writer.ts). */
  readonly generated?: { prime: string; text: string };
}

/** Trainer → renderer. */
export type TrainerEvent =
  | { type: 'ready'; protocolVersion: number }
  | { type: 'status'; state: SessionState; step: number; message: string }
  | { type: 'configured'; paramCount: number; inputVocab: string[]; outputVocab: string[] }
  | { type: 'stats'; seq: number; points: StepPoint[]; detail: StepDetail | null; stepsPerSecond: number }
  | { type: 'eval'; result: EvalResult }
  | { type: 'diverged'; step: number; quantity: string; message: string }
  | { type: 'snapshot'; requestId: number; checkpoint: Checkpoint }
  /** Answer to 'sync': the run's config (then 'configured', its history as 'stats', and 'status'), or null. */
  | { type: 'synced'; config: TrainingConfig | null }
  | { type: 'error'; code: 'bad-message' | 'bad-config' | 'internal'; message: string };


/** Main → trainer (utility process parent port). */
export const SupervisorCommandSchema = v.variant('type', [
  v.strictObject({ type: v.literal('restore'), checkpoint: PackedCheckpointSchema, resume: v.boolean() }),
  v.strictObject({ type: v.literal('ping'), id: count }),
]);
export type SupervisorCommand = v.InferOutput<typeof SupervisorCommandSchema>;

/** Trainer → main (utility process parent port). */
export type SupervisorEvent =
  | { type: 'heartbeat'; at: number }
  | { type: 'pong'; id: number }
  | { type: 'checkpoint'; checkpoint: PackedCheckpoint; training: boolean }
  /** Training (re)started from the step of the last checkpoint sent: only its `training` flag changes. */
  | { type: 'training'; step: number };

/** Exhaustiveness guard for `switch (msg.type)`. */
export function assertNever(x: never): never {
  throw new Error(`unhandled message ${JSON.stringify(x)}`);
}
