import { randomBytes } from 'node:crypto';
import { promises as fs, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * A writer lock for a directory: `<dir>/.lock` created with O_EXCL, holding `{ pid, token, start, at }`.
 * Electron's single-instance lock covers the usual case; this one also covers two differently-installed
 * copies, or a second user session, pointed at the same folder.
 *
 * Who holds it is judged so that a reused pid never keeps a folder locked:
 * - `token` is random per lock: a lock naming this process's pid is ours only if this process took it;
 * - `start` is the holder's start time from /proc (Linux): a live process with that pid but another start
 *   time is a different process. A lock without it (an older format, or written where /proc is missing) is
 *   stale if the process with that pid started after the lock was written; one without a token naming pid 1
 *   (init, never a desktop app) is stale too.
 * Taking over a stale lock happens under a second O_EXCL file, `.lock.break`, so two instances that both
 * find it stale cannot both remove it and both become the writer.
 */
export interface DirLock {
  readonly file: string;
  release(): Promise<void>;
  /** For process exit handlers, where nothing asynchronous finishes. */
  releaseSync(): void;
}

export type LockResult =
  | { ok: true; lock: DirLock }
  /** `heldBy`: the live holder's pid, when known. */
  | { ok: false; reason: 'locked'; heldBy: number | null }
  /** The folder cannot be written at all (read-only file system, full disk, no permission). */
  | { ok: false; reason: 'unwritable'; code: string; error: string; heldBy: null };

export const LOCK_NAME = '.lock';
const BREAK_NAME = '.lock.break';
/** Errors that mean "this folder cannot be written", as opposed to a bug. */
export const UNWRITABLE_CODES = new Set(['EROFS', 'ENOSPC', 'EACCES', 'EPERM', 'EDQUOT', 'ENOTDIR', 'EIO']);

export interface LockOptions {
  /** Is a process with this pid alive? Injected by tests. */
  isAlive?: (pid: number) => boolean;
  staleUnreadableMs?: number;
}

/** Tokens of the locks this process holds now (so a lock naming our pid is told apart from a dead namesake). */
const heldTokens = new Set<string>();

interface Holder {
  readonly raw: string | null;
  readonly pid: number | null;
  readonly token: string | null;
  readonly start: string | null;
  readonly mtimeMs: number | null;
  readonly isDirectory: boolean;
}

export async function acquireDirLock(dir: string, options: LockOptions = {}): Promise<LockResult> {
  const file = path.join(dir, LOCK_NAME);
  for (let tries = 0; tries < 5; tries++) {
    const created = await createLock(file);
    if (created.kind === 'created') return { ok: true, lock: makeLock(file, created.token) };
    if (created.kind === 'unwritable') return { ok: false, reason: 'unwritable', code: created.code, error: created.error, heldBy: null };
    const holder = await readHolder(file);
    const verdict = judge(holder, options);
    if (verdict.kind === 'held') return { ok: false, reason: 'locked', heldBy: verdict.pid };
    if (verdict.kind === 'gone') continue; // released meanwhile: race for it again
    const broken = await breakStale(dir, file, holder);
    if (broken === 'busy') return { ok: false, reason: 'locked', heldBy: null }; // another instance is taking it over
    if (broken === 'kept') return { ok: false, reason: 'locked', heldBy: null };
    // 'removed' or 'changed': race for it again; O_EXCL decides who wins.
  }
  return { ok: false, reason: 'locked', heldBy: null };
}

type Created = { kind: 'created'; token: string } | { kind: 'exists' } | { kind: 'unwritable'; code: string; error: string };

/** Create the lock file with our content; a write that fails (full disk) leaves no empty lock behind. */
async function createLock(file: string): Promise<Created> {
  const token = randomBytes(12).toString('hex');
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'wx', 0o600);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST' || code === 'EISDIR') return { kind: 'exists' };
    if (UNWRITABLE_CODES.has(code)) return { kind: 'unwritable', code, error: (err as Error).message };
    throw err;
  }
  try {
    await handle.writeFile(JSON.stringify({ pid: process.pid, token, start: processStartTicks(process.pid), at: new Date().toISOString() }));
    await handle.sync();
    await handle.close();
  } catch (err) {
    await handle.close().catch(() => {});
    await fs.rm(file, { force: true }).catch(() => {});
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (UNWRITABLE_CODES.has(code)) return { kind: 'unwritable', code, error: (err as Error).message };
    throw err;
  }
  heldTokens.add(token);
  return { kind: 'created', token };
}

type Verdict = { kind: 'held'; pid: number | null } | { kind: 'stale' } | { kind: 'gone' };

function judge(holder: Holder, options: LockOptions): Verdict {
  if (holder.mtimeMs === null) return { kind: 'gone' };
  if (holder.isDirectory) return { kind: 'stale' };
  if (holder.pid === null) {
    // Unreadable or empty: probably a writer between open and write; give it the benefit of the doubt a while.
    const ageMs = Date.now() - holder.mtimeMs;
    return ageMs < (options.staleUnreadableMs ?? 10_000) ? { kind: 'held', pid: null } : { kind: 'stale' };
  }
  // A lock without a token was not written by this version (an older one, or a file planted by hand). Pid 1
  // is init on a desktop: a lock naming it is a leftover from a container where the app was pid 1 once.
  if (holder.token === null && holder.pid === 1) return { kind: 'stale' };
  if (holder.pid === process.pid) {
    // Our own pid: ours only if this process took it (a lock from an earlier process that had our pid is stale).
    return holder.token !== null && heldTokens.has(holder.token) ? { kind: 'held', pid: holder.pid } : { kind: 'stale' };
  }
  const isAlive = options.isAlive ?? processIsAlive;
  if (!isAlive(holder.pid)) return { kind: 'stale' };
  if (options.isAlive) return { kind: 'held', pid: holder.pid }; // injected liveness: no /proc checks
  const start = processStartTicks(holder.pid);
  if (start === null) return { kind: 'held', pid: holder.pid }; // no /proc here: liveness is all we know
  if (holder.start !== null) return holder.start === start ? { kind: 'held', pid: holder.pid } : { kind: 'stale' };
  // An older lock without a start time: the process with this pid cannot have written it if it started later.
  const startedAt = processStartedAtMs(start);
  return startedAt !== null && startedAt > holder.mtimeMs + 1000 ? { kind: 'stale' } : { kind: 'held', pid: holder.pid };
}

/**
 * Remove `stale` under the break lock, only if the lock file is still exactly that stale holder.
 * 'busy' when another instance holds the break lock; 'kept' when the stale lock cannot be removed
 * (a directory with files in it: never someone's files).
 */
async function breakStale(dir: string, file: string, stale: Holder): Promise<'removed' | 'changed' | 'busy' | 'kept'> {
  const breaker = path.join(dir, BREAK_NAME);
  try {
    await fs.writeFile(breaker, String(process.pid), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return 'kept';
    // A breaker that died mid-way leaves its file; one older than a few seconds is removed for the next try.
    const stat = await fs.stat(breaker).catch(() => null);
    if (stat && Date.now() - stat.mtimeMs > 5_000) {
      await fs.rm(breaker, { force: true }).catch(() => {});
      return 'changed';
    }
    return 'busy';
  }
  try {
    const again = await readHolder(file);
    if (again.mtimeMs === null) return 'changed';
    if (again.raw !== stale.raw || again.isDirectory !== stale.isDirectory) return 'changed';
    try {
      if (again.isDirectory) await fs.rmdir(file);
      else await fs.rm(file, { force: true });
      return 'removed';
    } catch (err) {
      return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'removed' : 'kept';
    }
  } finally {
    await fs.rm(breaker, { force: true }).catch(() => {});
  }
}

function makeLock(file: string, token: string): DirLock {
  let released = false;
  const ours = (text: string) => {
    try {
      return (JSON.parse(text) as { token?: unknown }).token === token;
    } catch {
      return false;
    }
  };
  return {
    file,
    async release() {
      if (released) return;
      released = true;
      heldTokens.delete(token);
      const text = await fs.readFile(file, 'utf8').catch(() => null);
      if (text !== null && ours(text)) await fs.rm(file, { force: true });
    },
    releaseSync() {
      if (released) return;
      released = true;
      heldTokens.delete(token);
      try {
        if (ours(readFileSync(file, 'utf8'))) rmSync(file, { force: true });
      } catch {
        // already gone or unreadable: nothing of ours to remove
      }
    },
  };
}

async function readHolder(file: string): Promise<Holder> {
  const none: Holder = { raw: null, pid: null, token: null, start: null, mtimeMs: null, isDirectory: false };
  let stat;
  try {
    stat = await fs.lstat(file);
  } catch {
    return none;
  }
  if (stat.isDirectory()) return { ...none, mtimeMs: stat.mtimeMs, isDirectory: true };
  const raw = await fs.readFile(file, 'utf8').catch(() => null);
  if (raw === null) return { ...none, mtimeMs: stat.mtimeMs };
  try {
    const data = JSON.parse(raw) as { pid?: unknown; token?: unknown; start?: unknown };
    const pid = typeof data.pid === 'number' && Number.isInteger(data.pid) && data.pid > 0 ? data.pid : null;
    return {
      raw,
      pid,
      token: typeof data.token === 'string' ? data.token : null,
      start: typeof data.start === 'string' ? data.start : null,
      mtimeMs: stat.mtimeMs,
      isDirectory: false,
    };
  } catch {
    return { ...none, raw, mtimeMs: stat.mtimeMs };
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

/** A process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat), or null without /proc. */
export function processStartTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = fields[19]; // field 22 overall; fields[0] here is field 3
    return ticks && /^\d+$/.test(ticks) ? ticks : null;
  } catch {
    return null;
  }
}

/** Start ticks as ms since the epoch: boot time (btime in /proc/stat) + ticks / USER_HZ (100 on Linux). */
function processStartedAtMs(ticks: string): number | null {
  try {
    const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1];
    return btime ? Number(btime) * 1000 + (Number(ticks) / 100) * 1000 : null;
  } catch {
    return null;
  }
}
