import * as v from 'valibot';
import { MAX_SAVED_RUNS, SavedRunSchema, type SavedRun } from './saved-run';
import { TrainingConfigSchema } from './training-config';

/**
 * How saved runs are stored: one document per run (`run:<id>`, a SavedRun, with the store's size cap of its own)
 * and the `runs` document as their index (version 3: the ids, names, save times and what the list shows of each
 * run, in list order), so the list is drawn from the index alone and a run's document is read only when it is used.
 * Both shells follow it: the desktop store as `run-<id>.json` files beside `runs.json`, the browser's under the same
 * keys in IndexedDB. Older `runs` documents (version 1: every run inline; version 2: an index without summaries)
 * are upgraded when the store opens (run-index-upgrade.ts), the old document set aside, never overwritten.
 */

/** Ids usable in a document key and a file name: letters, digits, `_` and `-`. */
export const RUN_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
export type RunDocKind = `run:${string}`;

export const RunDocKindSchema = v.pipe(
  v.string(),
  v.check((k): k is RunDocKind => k.startsWith('run:') && RUN_ID_PATTERN.test(k.slice(4)), 'a run document is named run:<id>, the id of letters, digits, _ and -'),
  v.transform((k) => k as RunDocKind),
);

export function isRunDocKind(kind: string): kind is RunDocKind {
  return kind.startsWith('run:') && RUN_ID_PATTERN.test(kind.slice(4));
}

export function runDocKind(id: string): RunDocKind {
  if (!RUN_ID_PATTERN.test(id)) throw new Error(`not a run id: ${JSON.stringify(id).slice(0, 60)}`);
  return `run:${id}`;
}

/** A run document: the saved run, whose id must be the one its key names. */
export function runDocSchema(kind: RunDocKind) {
  const id = kind.slice(4);
  return v.pipe(SavedRunSchema, v.check((run) => run.id === id, `id: the run stored as ${kind} must have the id "${id}"`));
}

/** Weight of the past in the smoothed loss the Lab draws and shows (renderer lab/history.ts uses the same). */
export const LOSS_SMOOTHING = 0.95;

/** What the Runs list shows of a run without reading its document. */
const RunSummarySchema = v.strictObject({
  step: SavedRunSchema.entries.checkpoint.entries.step,
  cell: TrainingConfigSchema.entries.cell,
  hiddenSize: TrainingConfigSchema.entries.hiddenSize,
  layers: TrainingConfigSchema.entries.layers,
  /** The smoothed loss at the last step (bias-corrected EMA of the finite losses); null before any finite loss. */
  loss: v.nullable(v.number()),
});
export type RunSummary = v.InferOutput<typeof RunSummarySchema>;

export const IndexEntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(RUN_ID_PATTERN, 'a run id is letters, digits, _ and -, at most 40')),
  name: SavedRunSchema.entries.name,
  savedAt: SavedRunSchema.entries.savedAt,
  /** Null when the run's document could not be read as the index was upgraded (the run still opens, or says why not). */
  summary: v.nullable(RunSummarySchema),
});
export type RunIndexEntry = v.InferOutput<typeof IndexEntrySchema>;

const uniqueIds = <T extends { id: string }>() => v.check((runs: T[]) => new Set(runs.map((r) => r.id)).size === runs.length, 'each run in the index must have its own id');

export const RunIndexSchema = v.strictObject({
  version: v.literal(3, 'version must be 3 (the index of saved runs)'),
  /** The learner's saved runs, oldest first; each one's document is `run:<id>`. */
  runs: v.pipe(v.array(IndexEntrySchema), v.maxLength(MAX_SAVED_RUNS), uniqueIds<RunIndexEntry>()),
});
export type RunIndex = v.InferOutput<typeof RunIndexSchema>;

/** The index as builds before summaries wrote it (version 2). Read only, to upgrade. */
export const RunIndexV2Schema = v.strictObject({
  version: v.literal(2),
  runs: v.pipe(v.array(v.omit(IndexEntrySchema, ['summary'])), v.maxLength(MAX_SAVED_RUNS), uniqueIds<Omit<RunIndexEntry, 'summary'>>()),
});

export function runSummary(run: SavedRun): RunSummary {
  const { config, step, history } = run.checkpoint;
  // ema_k = β·ema_{k−1} + (1−β)·x_k over finite x only, divided by the weight 1 − β^k: as the Lab's chart smooths.
  let ema = 0;
  let weight = 0;
  for (const point of history) {
    if (!Number.isFinite(point.loss)) continue;
    ema = LOSS_SMOOTHING * ema + (1 - LOSS_SMOOTHING) * point.loss;
    weight = LOSS_SMOOTHING * weight + (1 - LOSS_SMOOTHING);
  }
  return { step, cell: config.cell, hiddenSize: config.hiddenSize, layers: config.layers, loss: weight > 0 ? ema / weight : null };
}

export function indexEntry(run: SavedRun): RunIndexEntry {
  return { id: run.id, name: run.name, savedAt: run.savedAt, summary: runSummary(run) };
}
