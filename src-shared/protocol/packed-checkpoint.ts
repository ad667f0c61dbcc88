import * as v from 'valibot';
import type { StepPoint } from './trainer-messages';
import { TrainingConfigSchema } from './training-config';
import { count } from './numbers';

/**
 * A checkpoint in the shape the trainer sends its supervisor every few seconds while training: every parameter and
 * optimizer slot as a typed array, and the loss history as columns. A structured clone of typed arrays is a memory
 * copy, where a Checkpoint's plain arrays are cloned number by number: for an LSTM with 128 hidden units (330,000
 * numbers with Adam's state) building and cloning a plain checkpoint held the trainer for 30–60 ms, long enough to
 * push a pause past 100 ms; the packed one takes about 2 ms.
 *
 * It never reaches a file: saved runs keep the plain JSON Checkpoint (protocol/documents.ts).
 */

/** Most history points a checkpoint may carry (as CheckpointSchema). */
const MAX_HISTORY = 100_000;

function allFinite(values: Float32Array | Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

const finiteFloats = v.custom<Float32Array | Float64Array>(
  (x) => (x instanceof Float32Array || x instanceof Float64Array) && allFinite(x),
  'must be a Float32Array or Float64Array of finite numbers',
);
const floats = v.custom<Float64Array>((x) => x instanceof Float64Array, 'must be a Float64Array');
const flags = v.custom<Uint8Array>((x) => x instanceof Uint8Array, 'must be a Uint8Array');
const name = v.pipe(v.string(), v.maxLength(64));

export const PackedHistorySchema = v.pipe(
  v.strictObject({
    step: floats,
    loss: floats,
    accuracy: floats,
    gradNormBefore: floats,
    gradNormAfter: floats,
    clipped: flags,
  }),
  v.check((h) => h.step.length <= MAX_HISTORY, `history: at most ${MAX_HISTORY} points`),
  v.check(
    (h) => [h.loss, h.accuracy, h.gradNormBefore, h.gradNormAfter, h.clipped].every((c) => c.length === h.step.length),
    'history: every column must have as many entries as "step"',
  ),
  v.check((h) => h.step.every((s) => Number.isInteger(s) && s >= 0), 'history: every step must be a whole number ≥ 0'),
);
export type PackedHistory = v.InferOutput<typeof PackedHistorySchema>;

export const PackedCheckpointSchema = v.strictObject({
  version: v.literal(1),
  packed: v.literal(true),
  config: TrainingConfigSchema,
  step: count,
  params: v.pipe(v.record(name, finiteFloats), v.maxEntries(256)),
  optimizer: v.pipe(v.record(name, finiteFloats), v.maxEntries(1024)),
  history: PackedHistorySchema,
});
export type PackedCheckpoint = v.InferOutput<typeof PackedCheckpointSchema>;

/** The history as columns. */
export function packHistory(points: readonly StepPoint[]): PackedHistory {
  const n = points.length;
  const h: PackedHistory = {
    step: new Float64Array(n),
    loss: new Float64Array(n),
    accuracy: new Float64Array(n),
    gradNormBefore: new Float64Array(n),
    gradNormAfter: new Float64Array(n),
    clipped: new Uint8Array(n),
  };
  points.forEach((p, i) => {
    h.step[i] = p.step;
    h.loss[i] = p.loss;
    h.accuracy[i] = p.accuracy;
    h.gradNormBefore[i] = p.gradNormBefore;
    h.gradNormAfter[i] = p.gradNormAfter;
    h.clipped[i] = p.clipped ? 1 : 0;
  });
  return h;
}

/** The history's columns back as points. */
export function unpackHistory(h: PackedHistory): StepPoint[] {
  const out = new Array<StepPoint>(h.step.length);
  for (let i = 0; i < h.step.length; i++) {
    out[i] = {
      step: h.step[i],
      loss: h.loss[i],
      accuracy: h.accuracy[i],
      gradNormBefore: h.gradNormBefore[i],
      gradNormAfter: h.gradNormAfter[i],
      clipped: h.clipped[i] === 1,
    };
  }
  return out;
}

/** Every typed array in a packed checkpoint (each owns its buffer: Run.toPackedCheckpoint copies). */
function arraysOf(cp: PackedCheckpoint): (Float32Array | Float64Array | Uint8Array)[] {
  return [...Object.values(cp.params), ...Object.values(cp.optimizer), ...Object.values(cp.history)];
}

/** Bytes of numbers a checkpoint carries. */
export function packedCheckpointBytes(cp: PackedCheckpoint): number {
  return arraysOf(cp).reduce((sum, a) => sum + a.byteLength, 0);
}

/** The buffers to transfer (not copy) when posting a freshly built checkpoint to another thread. */
export function checkpointTransferables(cp: PackedCheckpoint): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const a of arraysOf(cp)) if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  return [...buffers];
}
