import * as v from 'valibot';
import { MAX_SAVED_RUNS, SavedRunSchema, type SavedRun } from './saved-run';

/**
 * How saved runs are stored: one document per run (`run:<id>`, a SavedRun, with the store's size cap of its own)
 * and the `runs` document as their index (version 2: the ids, names and save times, in list order). Both shells
 * follow it: the desktop store as `run-<id>.json` files beside `runs.json`, the browser's under the same keys in
 * IndexedDB. A `runs` document of version 1 (every run inline, as builds before this one wrote it) is split into
 * this layout when the store opens, and the old document is set aside, never overwritten.
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

const IndexEntrySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(RUN_ID_PATTERN, 'a run id is letters, digits, _ and -, at most 40')),
  name: SavedRunSchema.entries.name,
  savedAt: SavedRunSchema.entries.savedAt,
});
export type RunIndexEntry = v.InferOutput<typeof IndexEntrySchema>;

export const RunIndexSchema = v.strictObject({
  version: v.literal(2, 'version must be 2 (the index of saved runs)'),
  /** The learner's saved runs, oldest first; each one's document is `run:<id>`. */
  runs: v.pipe(
    v.array(IndexEntrySchema),
    v.maxLength(MAX_SAVED_RUNS),
    v.check((runs) => new Set(runs.map((r) => r.id)).size === runs.length, 'each run in the index must have its own id'),
  ),
});
export type RunIndex = v.InferOutput<typeof RunIndexSchema>;

/** The `runs` document as builds before per-run documents wrote it: every run inline. Read only, to migrate. */
export const LegacyRunsSchema = v.strictObject({
  version: v.literal(1),
  runs: v.pipe(v.array(SavedRunSchema), v.maxLength(MAX_SAVED_RUNS)),
});

export function indexEntry(run: SavedRun): RunIndexEntry {
  return { id: run.id, name: run.name, savedAt: run.savedAt };
}

/**
 * Split a version-1 `runs` document into per-run documents and their index. A run whose id cannot name a document
 * (or repeats one) gets a fresh id, so no run is left behind.
 */
export function splitLegacyRuns(legacy: v.InferOutput<typeof LegacyRunsSchema>): { index: RunIndex; runs: SavedRun[] } {
  const seen = new Set<string>();
  const runs = legacy.runs.map((run, i) => {
    let id = run.id;
    if (!RUN_ID_PATTERN.test(id) || seen.has(id)) id = `run-migrated-${i}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`;
    seen.add(id);
    return id === run.id ? run : { ...run, id };
  });
  return { index: { version: 2, runs: runs.map(indexEntry) }, runs };
}
