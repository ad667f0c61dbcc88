import type { DocKind } from '../../src-shared/protocol/ipc-contract';
import { parseDoc } from '../../src-shared/protocol/documents';
import { isRunDocKind, runSummary, type RunDocKind, type RunIndex, type RunSummary } from '../../src-shared/protocol/run-docs';
import { adoptOrphans, olderRunsDoc, splitLegacyRuns, upgradeIndexV2 } from '../../src-shared/protocol/run-index-upgrade';
import type { SavedRun } from '../../src-shared/protocol/saved-run';
import { done, promisify } from './idb-request';

/**
 * The browser twins of the desktop's runs migration and orphan scan (src-main/store/runs-migration.ts,
 * orphan-runs.ts), over the records of the `docs` object store.
 */

/**
 * A version-1 `runs` record (every run inline) becomes one `run:<id>` record per run and a version-3 index; a
 * version-2 index gets the summaries of the runs it lists. One transaction; the old record is kept under
 * `runs.v<n>-<time>.bak`. A record that is not a valid older layout is left for load to quarantine.
 */
export async function migrateLegacyRuns(db: IDBDatabase, store: string, now = new Date()): Promise<number> {
  const tx = db.transaction(store, 'readwrite');
  const docs = tx.objectStore(store);
  let migrated = 0;
  const req = docs.get('runs');
  req.onsuccess = () => {
    const older = olderRunsDoc(req.result);
    if (!older) return;
    docs.put(req.result, `runs.v${older.version}-${now.toISOString()}.bak`);
    if (older.version === 1) {
      const { index, runs } = splitLegacyRuns(older.doc);
      for (const run of runs) docs.put(run, `run:${run.id}`);
      docs.put(index, 'runs');
      migrated = runs.length;
      return;
    }
    const v2 = older.doc;
    const summaries = new Map<string, RunSummary | null>();
    const finish = () => {
      docs.put(upgradeIndexV2(v2, summaries), 'runs');
      migrated = v2.runs.length;
    };
    if (v2.runs.length === 0) return finish();
    for (const { id } of v2.runs) {
      const kind: RunDocKind = `run:${id}`;
      const runReq = docs.get(kind);
      runReq.onsuccess = () => {
        const parsed = runReq.result === undefined ? null : parseDoc(kind, runReq.result);
        summaries.set(id, parsed?.ok ? runSummary(parsed.value) : null);
        if (summaries.size === v2.runs.length) finish();
      };
    }
  };
  await done(tx);
  return migrated;
}

/** What the orphan scan found: the index to use (null: unchanged) and the records it could not use. */
export interface IdbOrphanScan {
  readonly index: RunIndex | null;
  readonly invalid: readonly { kind: RunDocKind; data: unknown; error: string }[];
  readonly left: number;
}

/**
 * `run:<id>` records the index does not list (a crash between saving a run and listing it). Valid ones are added
 * to the index, in a transaction that reads the index again so a save made meanwhile by another tab is kept;
 * invalid ones are returned for the caller to quarantine.
 */
export async function scanOrphanRuns(db: IDBDatabase, store: string, index: RunIndex | null): Promise<IdbOrphanScan> {
  const listed = new Set(index?.runs.map((r) => r.id) ?? []);
  const read = db.transaction(store, 'readonly').objectStore(store);
  const keys = (await promisify(read.getAllKeys())).map(String).filter((k): k is RunDocKind => isRunDocKind(k) && !listed.has(k.slice(4)));
  const valid: SavedRun[] = [];
  const invalid: { kind: RunDocKind; data: unknown; error: string }[] = [];
  for (const kind of keys) {
    const data: unknown = await promisify(db.transaction(store, 'readonly').objectStore(store).get(kind));
    if (data === undefined) continue; // removed meanwhile
    const parsed = parseDoc(kind, data);
    if (parsed.ok) valid.push(parsed.value);
    else invalid.push({ kind, data, error: parsed.error });
  }
  if (valid.length === 0) return { index: null, invalid, left: 0 };
  const tx = db.transaction(store, 'readwrite');
  const docs = tx.objectStore(store);
  let result: { index: RunIndex; adopted: SavedRun[]; left: SavedRun[] } | null = null;
  const req = docs.get('runs');
  req.onsuccess = () => {
    const current = req.result === undefined ? null : parseDoc('runs' as DocKind, req.result);
    if (current && !current.ok) return; // the index went bad meanwhile: load quarantines it, the next scan adopts
    result = adoptOrphans(current ? (current.value as RunIndex) : null, valid);
    if (result.adopted.length > 0) docs.put(result.index, 'runs');
  };
  await done(tx);
  const found = result as { index: RunIndex; adopted: SavedRun[]; left: SavedRun[] } | null;
  return { index: found && found.adopted.length > 0 ? found.index : null, invalid, left: found?.left.length ?? 0 };
}
