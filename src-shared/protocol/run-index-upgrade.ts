import * as v from 'valibot';
import { MAX_SAVED_RUNS, SavedRunSchema, type SavedRun } from './saved-run';
import { indexEntry, RUN_ID_PATTERN, type RunIndex, RunIndexV2Schema, type RunSummary } from './run-docs';

/**
 * Bringing the saved runs' index up to date (run-docs.ts), the same in both shells: a version-1 `runs` document
 * split into per-run documents, a version-2 index given its summaries, and run documents that no index lists
 * (a crash between writing a run and listing it) put back in the list. Pure functions: the stores do the I/O.
 */

/** The `runs` document as builds before per-run documents wrote it: every run inline. Read only, to migrate. */
export const LegacyRunsSchema = v.strictObject({
  version: v.literal(1),
  runs: v.pipe(v.array(SavedRunSchema), v.maxLength(MAX_SAVED_RUNS)),
});
export type LegacyRuns = v.InferOutput<typeof LegacyRunsSchema>;
export type RunIndexV2 = v.InferOutput<typeof RunIndexV2Schema>;

/** Which older layout a `runs` document is in, if it is a valid one (anything else is left to the store's load). */
export function olderRunsDoc(json: unknown): { version: 1; doc: LegacyRuns } | { version: 2; doc: RunIndexV2 } | null {
  const version = typeof json === 'object' && json !== null ? (json as { version?: unknown }).version : undefined;
  if (version === 1) {
    const parsed = v.safeParse(LegacyRunsSchema, json);
    return parsed.success ? { version: 1, doc: parsed.output } : null;
  }
  if (version === 2) {
    const parsed = v.safeParse(RunIndexV2Schema, json);
    return parsed.success ? { version: 2, doc: parsed.output } : null;
  }
  return null;
}

/**
 * Split a version-1 `runs` document into per-run documents and their index. A run whose id cannot name a document
 * (or repeats one) gets a fresh id, so no run is left behind.
 */
export function splitLegacyRuns(legacy: LegacyRuns): { index: RunIndex; runs: SavedRun[] } {
  const seen = new Set<string>();
  const runs = legacy.runs.map((run, i) => {
    let id = run.id;
    if (!RUN_ID_PATTERN.test(id) || seen.has(id)) id = `run-migrated-${i}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`;
    seen.add(id);
    return id === run.id ? run : { ...run, id };
  });
  return { index: { version: 3, runs: runs.map(indexEntry) }, runs };
}

/**
 * A version-2 index as version 3: every entry kept, in order, with the summary of its run (read from the run's
 * document by the store; null when it could not be, and the entry stays so that opening the run says what is wrong).
 */
export function upgradeIndexV2(old: RunIndexV2, summaries: ReadonlyMap<string, RunSummary | null>): RunIndex {
  return { version: 3, runs: old.runs.map((entry) => ({ ...entry, summary: summaries.get(entry.id) ?? null })) };
}

/**
 * Add valid run documents the index does not list to its end, oldest first, while the list has room; `left` are those
 * that did not fit (their documents stay where they are, listed once a run is deleted and the store opens again).
 */
export function adoptOrphans(index: RunIndex | null, orphans: readonly SavedRun[]): { index: RunIndex; adopted: SavedRun[]; left: SavedRun[] } {
  const listed = index?.runs ?? [];
  const ids = new Set(listed.map((r) => r.id));
  const fresh = orphans.filter((r) => !ids.has(r.id)).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
  const room = Math.max(0, MAX_SAVED_RUNS - listed.length);
  const adopted = fresh.slice(0, room);
  return { index: { version: 3, runs: [...listed, ...adopted.map(indexEntry)] }, adopted, left: fresh.slice(room) };
}
