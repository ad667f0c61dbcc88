import { promises as fs } from 'node:fs';
import path from 'node:path';
import { RUN_ID_PATTERN, runDocKind, type RunDocKind, type RunIndex } from '../../src-shared/protocol/run-docs';
import { adoptOrphans } from '../../src-shared/protocol/run-index-upgrade';
import type { SavedRun } from '../../src-shared/protocol/saved-run';
import type { Problem } from '../../src-shared/protocol/problem';
import type { DocRead } from './doc-read';

/**
 * Run files no index lists: a crash between writing `run-<id>.json` and updating `runs.json` leaves one. The store's
 * writer looks for them once per session, as it first loads the index: a file that reads as a valid run is listed
 * again (oldest first, while there is room), one that does not is renamed `run-<id>.orphan-<time>.json.bak` and
 * reported once (the rename means the next session does not find it again). Nothing is deleted.
 */

export interface OrphanHost {
  readonly dir: string;
  read(kind: RunDocKind): Promise<DocRead>;
  now(): Date;
}

export interface OrphanScan {
  /** The index with the adopted runs appended, or null when nothing was adopted. */
  readonly index: RunIndex | null;
  readonly adopted: readonly SavedRun[];
  /** Valid runs left where they are: the list is full. */
  readonly left: readonly SavedRun[];
  readonly setAside: readonly { kind: RunDocKind; movedTo: string; problem: Problem }[];
}

/** `run-<id>.json` files in `dir` whose id the index does not list. */
export async function unlistedRunKinds(dir: string, index: RunIndex | null): Promise<RunDocKind[]> {
  const listed = new Set(index?.runs.map((r) => r.id) ?? []);
  const kinds: RunDocKind[] = [];
  for (const name of await fs.readdir(dir)) {
    const m = /^run-(.+)\.json$/.exec(name);
    if (m && RUN_ID_PATTERN.test(m[1]) && !listed.has(m[1])) kinds.push(runDocKind(m[1]));
  }
  return kinds.sort();
}

export async function scanOrphanRuns(host: OrphanHost, index: RunIndex | null): Promise<OrphanScan> {
  const valid: SavedRun[] = [];
  const setAside: OrphanScan['setAside'][number][] = [];
  for (const kind of await unlistedRunKinds(host.dir, index)) {
    const read = await host.read(kind);
    if (read.kind === 'valid') valid.push(read.value as SavedRun);
    else if (read.kind === 'corrupt') {
      const movedTo = await freeName(host.dir, `run-${kind.slice(4)}.orphan-${host.now().toISOString().replace(/[:.]/g, '-')}`);
      await fs.rename(path.join(host.dir, `run-${kind.slice(4)}.json`), movedTo);
      setAside.push({ kind, movedTo, problem: read.problem });
    }
    // Unreadable (permissions, I/O): left alone, looked at again next session.
  }
  if (valid.length === 0) return { index: null, adopted: [], left: [], setAside };
  const { index: next, adopted, left } = adoptOrphans(index, valid);
  return { index: adopted.length > 0 ? next : null, adopted, left, setAside };
}

/** `<base>.json.bak` in `dir`, or `<base>-<n>.json.bak` when that is taken: a rename never replaces a file. */
async function freeName(dir: string, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${base}${n > 1 ? `-${n}` : ''}.json.bak`);
    try {
      await fs.access(file);
    } catch {
      return file;
    }
  }
}
