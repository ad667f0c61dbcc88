import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { decodeDocJson, encodeDocJson } from '../../src-shared/protocol/doc-json';
import { FixedDocKindSchema, type DocKind } from '../../src-shared/protocol/ipc-contract';
import { isRunDocKind, runSummary, type RunIndex, type RunSummary } from '../../src-shared/protocol/run-docs';
import { olderRunsDoc, splitLegacyRuns, upgradeIndexV2 } from '../../src-shared/protocol/run-index-upgrade';
import type { SavedRun } from '../../src-shared/protocol/saved-run';
import { writeFileAtomic } from './atomic-write';
import { readDocFile } from './doc-read';

/** A document's file name without `.json`: the kind itself, or `run-<id>` for a saved run (no `:` in file names). */
export function docFileBase(kind: DocKind): string {
  if (isRunDocKind(kind)) return `run-${kind.slice(4)}`;
  if (!v.is(FixedDocKindSchema, kind)) throw new Error(`not a document kind: ${JSON.stringify(kind).slice(0, 60)}`);
  return kind;
}

export type MigrationResult = { ok: true; migrated: number } | { ok: false; error: string };

/** What an older `runs.json` means in today's layout, worked out without writing anything. */
export type OlderRuns = { version: 1 | 2; index: RunIndex; runs: SavedRun[] };

/**
 * Read `runs.json` if it is a valid older layout (src-shared/protocol/run-index-upgrade.ts), writing nothing:
 * version 1 split into its runs and a version-3 index, version 2 given the summaries of the run files it lists.
 * Null for anything else (missing, too large, not JSON, already current, invalid): the store's own load handles it.
 * A read-only store lists the runs from this while the writer has not migrated them yet.
 */
export async function readOlderRuns(dir: string, maxBytes: number): Promise<OlderRuns | null> {
  const file = path.join(dir, 'runs.json');
  let json: unknown;
  try {
    if ((await fs.stat(file)).size > maxBytes) return null;
    json = decodeDocJson(await fs.readFile(file, 'utf8'));
  } catch {
    return null;
  }
  const older = olderRunsDoc(json);
  if (!older) return null;
  if (older.version === 1) return { version: 1, ...splitLegacyRuns(older.doc) };
  const summaries = new Map<string, RunSummary | null>();
  for (const { id } of older.doc.runs) {
    const read = await readDocFile(`run:${id}`, path.join(dir, `run-${id}.json`), maxBytes);
    summaries.set(id, read.kind === 'valid' ? runSummary(read.value as SavedRun) : null);
  }
  return { version: 2, index: upgradeIndexV2(older.doc, summaries), runs: [] };
}

/**
 * Bring `runs.json` to the version-3 index (src-shared/protocol/run-docs.ts). Version 1 (every saved run inline,
 * under one size cap) is split into one `run-<id>.json` per run; version 2 (an index without summaries) gets them.
 * The old file is first copied aside as `runs.v<n>-<time>.json.bak` (a new name each time, never over another
 * file). A crash at any point leaves either the old `runs.json`, which the next open migrates again, or the new
 * index with every run file written before it. Anything else in `runs.json` is left for the store's own load,
 * which quarantines what it cannot use.
 */
export async function migrateLegacyRuns(dir: string, maxBytes: number, now: Date): Promise<MigrationResult> {
  const file = path.join(dir, 'runs.json');
  const older = await readOlderRuns(dir, maxBytes);
  if (!older) return { ok: true, migrated: 0 };
  try {
    for (const run of older.runs) {
      const runFile = path.join(dir, `${docFileBase(`run:${run.id}`)}.json`);
      // A run file left by an interrupted migration keeps its last version as .bak.
      await writeFileAtomic(runFile, encodeDocJson(run), `${runFile}.bak`);
    }
    await copyAside(file, dir, older.version, now);
    await writeFileAtomic(file, encodeDocJson(older.index));
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  return { ok: true, migrated: older.index.runs.length };
}

/** Copy `file` to a fresh `runs.v<version>-<time>[-n].json.bak`, refusing to replace anything already there. */
async function copyAside(file: string, dir: string, version: number, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let n = 1; ; n++) {
    const target = path.join(dir, `runs.v${version}-${stamp}${n > 1 ? `-${n}` : ''}.json.bak`);
    try {
      await fs.copyFile(file, target, constants.COPYFILE_EXCL);
      const handle = await fs.open(target, 'r+');
      await handle.sync().finally(() => handle.close());
      return target;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}
