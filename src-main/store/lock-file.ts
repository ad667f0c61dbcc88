import { promises as fs, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * A writer lock for a directory: `<dir>/.lock` created with O_EXCL, holding `{ pid, at }`.
 * A lock whose process is gone (or whose content is unreadable and older than `staleUnreadableMs`)
 * is stale and taken over. Electron's single-instance lock covers the usual case; this one also covers
 * two differently-installed copies, or a second user session, pointed at the same folder.
 */
export interface DirLock {
  readonly file: string;
  release(): Promise<void>;
  /** For process exit handlers, where nothing asynchronous finishes. */
  releaseSync(): void;
}

export type LockResult = { ok: true; lock: DirLock } | { ok: false; heldBy: number | null };

export const LOCK_NAME = '.lock';

export interface LockOptions {
  /** Is a process with this pid alive? Injected by tests. */
  isAlive?: (pid: number) => boolean;
  staleUnreadableMs?: number;
}

export async function acquireDirLock(dir: string, options: LockOptions = {}): Promise<LockResult> {
  const file = path.join(dir, LOCK_NAME);
  const isAlive = options.isAlive ?? processIsAlive;
  const staleUnreadableMs = options.staleUnreadableMs ?? 10_000;

  for (let tries = 0; tries < 3; tries++) {
    try {
      const handle = await fs.open(file, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
        await handle.sync();
      } finally {
        await handle.close();
      }
      return { ok: true, lock: makeLock(file) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = await readHolder(file);
    if (holder.pid !== null) {
      if (isAlive(holder.pid)) return { ok: false, heldBy: holder.pid };
    } else if (holder.ageMs !== null && holder.ageMs < staleUnreadableMs) {
      // Probably a writer between open and write: give it the benefit of the doubt.
      return { ok: false, heldBy: null };
    }
    // Stale: remove it (if it is still the same stale holder) and race for it again; O_EXCL decides who
    // wins. Two takers of one stale lock can still interleave here; the re-read keeps that window tiny.
    const again = await readHolder(file);
    if (again.pid !== holder.pid) continue;
    if (!(await removeStale(file))) return { ok: false, heldBy: null };
  }
  return { ok: false, heldBy: null };
}

/**
 * Remove a stale lock file; a directory in its place is removed only when empty (never someone's files).
 * False when it cannot be removed, so the store stays read-only rather than throwing.
 */
async function removeStale(file: string): Promise<boolean> {
  try {
    if ((await fs.lstat(file)).isDirectory()) await fs.rmdir(file);
    else await fs.rm(file, { force: true });
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

function makeLock(file: string): DirLock {
  let released = false;
  return {
    file,
    async release() {
      if (released) return;
      released = true;
      const holder = await readHolder(file);
      if (holder.pid === process.pid) await fs.rm(file, { force: true });
    },
    releaseSync() {
      if (released) return;
      released = true;
      try {
        const pid = (JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown }).pid;
        if (pid === process.pid) rmSync(file, { force: true });
      } catch {
        // already gone or unreadable: nothing of ours to remove
      }
    },
  };
}

async function readHolder(file: string): Promise<{ pid: number | null; ageMs: number | null }> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)]);
    const ageMs = Date.now() - stat.mtimeMs;
    try {
      const pid = (JSON.parse(text) as { pid?: unknown }).pid;
      return { pid: typeof pid === 'number' && Number.isInteger(pid) && pid > 0 ? pid : null, ageMs };
    } catch {
      return { pid: null, ageMs };
    }
  } catch {
    return { pid: null, ageMs: null };
  }
}

/** Signal 0 checks for existence; EPERM means it exists but belongs to someone else. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
