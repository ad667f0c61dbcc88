import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { decodeDocJson, encodeDocJson } from '../../src-shared/protocol/doc-json';
import { describeIssues } from '../../src-shared/protocol/describe-issues';
import { FixedDocKindSchema, type DocKind } from '../../src-shared/protocol/ipc-contract';
import { isRunDocKind, LegacyRunsSchema, splitLegacyRuns } from '../../src-shared/protocol/run-docs';
import { writeFileAtomic } from './atomic-write';

/** A document's file name without `.json`: the kind itself, or `run-<id>` for a saved run (no `:` in file names). */
export function docFileBase(kind: DocKind): string {
  if (isRunDocKind(kind)) return `run-${kind.slice(4)}`;
  if (!v.is(FixedDocKindSchema, kind)) throw new Error(`not a document kind: ${JSON.stringify(kind).slice(0, 60)}`);
  return kind;
}

export type MigrationResult = { ok: true; migrated: number } | { ok: false; error: string };

/**
 * Split a version-1 `runs.json` (every saved run inline, under one size cap) into one `run-<id>.json` per run and a
 * version-2 index in `runs.json` (src-shared/protocol/run-docs.ts). The old file is first copied aside as
 * `runs.v1-<time>.json.bak` (a new name each time, never over another file). A crash at any point leaves either the
 * old `runs.json`, which the next open migrates again, or the new index with every run file written before it.
 * Anything else in `runs.json` (already an index, unreadable, not JSON, invalid) is left for the store's own load,
 * which quarantines what it cannot use.
 */
export async function migrateLegacyRuns(dir: string, maxBytes: number, now: Date): Promise<MigrationResult> {
  const file = path.join(dir, 'runs.json');
  let text: string;
  try {
    if ((await fs.stat(file)).size > maxBytes) return { ok: true, migrated: 0 };
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { ok: true, migrated: 0 } : { ok: false, error: (err as Error).message };
  }
  let json: unknown;
  try {
    json = decodeDocJson(text);
  } catch {
    return { ok: true, migrated: 0 };
  }
  if (typeof json !== 'object' || json === null || (json as { version?: unknown }).version !== 1) return { ok: true, migrated: 0 };
  const legacy = v.safeParse(LegacyRunsSchema, json);
  if (!legacy.success) return { ok: false, error: `runs.json (version 1) does not match its format: ${describeIssues(legacy.issues)}` };

  const { index, runs } = splitLegacyRuns(legacy.output);
  try {
    for (const run of runs) {
      const runFile = path.join(dir, `${docFileBase(`run:${run.id}`)}.json`);
      // A run file left by an interrupted migration keeps its last version as .bak.
      await writeFileAtomic(runFile, encodeDocJson(run), `${runFile}.bak`);
    }
    await copyAside(file, dir, now);
    await writeFileAtomic(file, encodeDocJson(index));
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
  return { ok: true, migrated: runs.length };
}

/** Copy `file` to a fresh `runs.v1-<time>[-n].json.bak`, refusing to replace anything already there. */
async function copyAside(file: string, dir: string, now: Date): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let n = 1; ; n++) {
    const target = path.join(dir, `runs.v1-${stamp}${n > 1 ? `-${n}` : ''}.json.bak`);
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
