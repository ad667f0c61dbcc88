import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DocKind, LoadResult, SaveResult, StorageStatus } from '../../src-shared/protocol/ipc-contract';
import { encodeDocJson, jsonBytesWithin } from '../../src-shared/protocol/doc-json';
import { parseDoc } from '../../src-shared/protocol/documents';
import { LIMITS } from '../../src-shared/protocol/training-config';
import { isRunDocKind, type RunDocKind, type RunIndex } from '../../src-shared/protocol/run-docs';
import type { SavedRun } from '../../src-shared/protocol/saved-run';
import { isTempFile, writeFileAtomic } from './atomic-write';
import { readDocFile, type DocRead } from './doc-read';
import { scanOrphanRuns, type OrphanScan } from './orphan-runs';
import { docFileBase, migrateLegacyRuns, readOlderRuns } from './runs-migration';
import { acquireDirLock, UNWRITABLE_CODES, type DirLock, type LockOptions } from './lock-file';
import { problem, type Problem } from '../../src-shared/protocol/problem';
import { storageProblem, storageProblemOf, storageTooLarge as tooLarge } from '../../src-shared/protocol/storage-problem';

/**
 * The user's documents (settings, progress, quiz, the runs index) as `<kind>.json` files in one directory, and each
 * saved run as `run-<id>.json` (src-shared/protocol/run-docs.ts), each file with its own size cap.
 * - every load and save is validated with the document's schema;
 * - saves are atomic and keep the previous version as `<kind>.json.bak`;
 * - a file that cannot be read as a valid document is moved aside to `<kind>.corrupt-<timestamp>.json`
 *   and reported, so a save never silently overwrites something the user might want back; if the `.bak`
 *   copy is a valid document, it is put back in its place and loaded, so only the last save is lost;
 * - files over LIMITS.fileBytes are refused before being read;
 * - only the process holding the directory lock writes; another instance gets a read-only store;
 * - a folder that cannot be written (read-only disk, full disk, a file in its place) gives a read-only store
 *   too, never an exception: `status` says why, and `onStatus` reports when saving fails or works again.
 */
export interface Quarantine {
  readonly kind: DocKind;
  readonly movedTo: string;
  /** Why the file was refused (its English detail names the file and the cause). */
  readonly problem: Problem;
  /** Whether the previous version (`<kind>.json.bak`) was valid and now replaces it. */
  readonly restored: boolean;
}

export interface DocStoreOptions {
  onQuarantined?: (q: Quarantine) => void;
  /** Saving became impossible (a full disk mid-session) or possible again. */
  onStatus?: (status: StorageStatus) => void;
  now?: () => Date;
  maxBytes?: number;
  lock?: LockOptions;
}

export class DocStore {
  /** Kinds whose file on disk has been checked this session (so a save may replace it). */
  readonly #checked = new Set<string>();
  /** A reader's saved runs still inline in a version-1 `runs.json`, by id (the writer has not split them yet). */
  #olderRuns: Map<string, SavedRun> | null = null;
  #orphansScanned = false;
  #queue: Promise<unknown> = Promise.resolve();
  #status: StorageStatus;

  private constructor(
    readonly dir: string,
    readonly lock: DirLock | null,
    status: StorageStatus,
    private readonly options: DocStoreOptions,
  ) {
    this.#status = status;
  }

  /** Open (creating) the directory and try to become its writer. Never throws: at worst the store is read-only. */
  static async open(dir: string, options: DocStoreOptions = {}): Promise<DocStore> {
    try {
      await fs.mkdir(dir, { recursive: true });
    } catch (err) {
      // Node's recursive mkdir reports ENOENT on a read-only disk; a plain mkdir names the real cause (EROFS).
      const cause = await fs.mkdir(dir).then(() => err, (plain: unknown) => ((plain as NodeJS.ErrnoException).code === 'ENOENT' ? err : plain));
      return new DocStore(dir, null, unwritable(cause), options);
    }
    const result = await acquireDirLock(dir, options.lock).catch((err: unknown) => ({ ok: false as const, ...unwritable(err) }));
    if (!result.ok) {
      const status: StorageStatus = result.reason === 'locked'
        ? { mode: 'read-only', reason: 'locked', heldBy: result.heldBy }
        : { mode: 'read-only', reason: 'unwritable', code: result.code, detail: 'detail' in result ? result.detail : result.error };
      return new DocStore(dir, null, status, options);
    }
    const store = new DocStore(dir, result.lock, { mode: 'writable' }, options);
    await store.#sweepTempFiles().catch(() => {}); // a leftover that cannot be removed harms nothing
    // Saved runs from before per-run documents: split them out, the old file set aside (runs-migration.ts).
    const migrated = await migrateLegacyRuns(dir, options.maxBytes ?? LIMITS.fileBytes, options.now?.() ?? new Date());
    if (!migrated.ok) console.warn(`[main] saved runs not migrated: ${migrated.error}`);
    return store;
  }

  get writable(): boolean {
    return this.lock !== null;
  }

  /** Whether saves can succeed, and why not. */
  get status(): StorageStatus {
    return this.#status;
  }

  /** Pid of the other RNN Lab that holds the folder, when that is why this store is read-only. */
  get heldBy(): number | null {
    return this.#status.mode === 'read-only' && this.#status.reason === 'locked' ? this.#status.heldBy : null;
  }

  fileFor(kind: DocKind): string {
    return path.join(this.dir, `${docFileBase(kind)}.json`);
  }

  load(kind: DocKind): Promise<LoadResult> {
    return this.#serial(() => this.#load(kind));
  }

  save(kind: DocKind, data: unknown): Promise<SaveResult> {
    return this.#serial(() => this.#save(kind, data));
  }

  /**
   * Remove one saved run's document. Its last version stays as `run-<id>.deleted.json.bak` (replacing an older one);
   * its `.bak` goes, so a later load cannot bring the run back from it.
   */
  remove(kind: RunDocKind): Promise<SaveResult> {
    return this.#serial(async () => {
      if (!this.lock) return { ok: false, problem: this.#readOnlyProblem() };
      const file = this.fileFor(kind);
      try {
        await fs.rename(file, path.join(this.dir, `${docFileBase(kind)}.deleted.json.bak`));
        await fs.rm(`${file}.bak`, { force: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return { ok: false, problem: storageProblemOf(err, `could not delete ${kind}`) };
      }
      this.#checked.delete(kind);
      return { ok: true };
    });
  }

  async close(): Promise<void> {
    await this.#queue.catch(() => {});
    await this.lock?.release();
  }

  async #load(kind: DocKind): Promise<LoadResult> {
    if (kind === 'runs') return this.#loadRuns();
    const older = isRunDocKind(kind) && !this.lock ? this.#olderRuns?.get(kind.slice(4)) : undefined;
    if (older) return { ok: true, data: older };
    return this.#loadDoc(kind);
  }

  /**
   * The runs index. A reader lists runs still in an older layout from memory, writing nothing (runs-migration.ts);
   * the writer, once a session, lists again the run files a crash left unlisted and sets aside the damaged ones
   * (orphan-runs.ts), also when the index itself had to be set aside.
   */
  async #loadRuns(): Promise<LoadResult> {
    const maxBytes = this.options.maxBytes ?? LIMITS.fileBytes;
    if (!this.lock) {
      const older = await readOlderRuns(this.dir, maxBytes).catch(() => null);
      if (!older) return this.#loadDoc('runs');
      this.#olderRuns = new Map(older.runs.map((r) => [r.id, r]));
      return { ok: true, data: older.index };
    }
    const res = await this.#loadDoc('runs');
    if (this.#orphansScanned || (!res.ok && !res.quarantinedTo)) return res;
    this.#orphansScanned = true;
    const host = { dir: this.dir, read: (k: RunDocKind) => this.#read(k, this.fileFor(k)), now: () => this.options.now?.() ?? new Date() };
    let scan: OrphanScan;
    try {
      scan = await scanOrphanRuns(host, res.ok ? (res.data as RunIndex | null) : null);
    } catch (err) {
      console.warn(`[main] unlisted saved runs not looked for: ${(err as Error).message}`);
      return res;
    }
    for (const q of scan.setAside) this.options.onQuarantined?.({ ...q, restored: false });
    if (scan.left.length > 0) console.warn(`[main] ${scan.left.length} unlisted saved runs kept as files: the list is full`);
    if (!scan.index) return res;
    try {
      await writeFileAtomic(this.fileFor('runs'), encodeDocJson(scan.index), `${this.fileFor('runs')}.bak`);
    } catch (err) {
      console.warn(`[main] saved runs listed again but the index not written: ${(err as Error).message}`);
    }
    return { ok: true, data: scan.index };
  }

  async #loadDoc(kind: DocKind): Promise<LoadResult> {
    const read = await this.#read(kind, this.fileFor(kind));
    switch (read.kind) {
      case 'missing': {
        this.#checked.add(kind);
        // The file is gone but its previous version survived (deleted by hand, lost by a sync tool): use that.
        return { ok: true, data: await this.#restoreBackup(kind) };
      }
      case 'unreadable':
        return { ok: false, problem: read.problem };
      case 'corrupt':
        return this.#quarantine(kind, read.problem);
      case 'valid':
        this.#checked.add(kind);
        return { ok: true, data: read.value };
    }
  }

  /** Read `file` as a `kind` document (doc-read.ts). */
  #read(kind: DocKind, file: string): Promise<DocRead> {
    return readDocFile(kind, file, this.options.maxBytes ?? LIMITS.fileBytes);
  }

  async #save(kind: DocKind, data: unknown): Promise<SaveResult> {
    if (!this.lock) return { ok: false, problem: this.#readOnlyProblem() };
    // The cap first: validating or serialising millions of values would hold main for seconds.
    const maxBytes = this.options.maxBytes ?? LIMITS.fileBytes;
    if (jsonBytesWithin(data, maxBytes) === null) return { ok: false, problem: tooLarge(kind, maxBytes) };
    const parsed = parseDoc(kind, data);
    if (!parsed.ok) return { ok: false, problem: problem('storage.invalid', undefined, `Not saved: ${parsed.error}`) };
    const text = encodeDocJson(parsed.value);
    if (Buffer.byteLength(text) > maxBytes) return { ok: false, problem: tooLarge(kind, maxBytes) };
    // Never replace a file nobody has looked at: loading first quarantines it if it is bad.
    if (!this.#checked.has(kind)) await this.#load(kind);
    try {
      const file = this.fileFor(kind);
      await writeFileAtomic(file, text, `${file}.bak`);
      this.#checked.add(kind);
      this.#setStatus({ mode: 'writable' });
      return { ok: true };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (!UNWRITABLE_CODES.has(code)) return { ok: false, problem: storageProblemOf(err, `could not save ${kind}`) };
      this.#setStatus(unwritable(err));
      return { ok: false, problem: storageProblem(code, `could not save ${kind}: ${(err as Error).message}`) };
    }
  }

  async #quarantine(kind: DocKind, why: Problem): Promise<LoadResult> {
    const file = this.fileFor(kind);
    if (!this.lock) return { ok: false, problem: why }; // a reader must not move the writer's files
    const stamp = (this.options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    const base = docFileBase(kind);
    let movedTo = path.join(this.dir, `${base}.corrupt-${stamp}.json`);
    for (let n = 2; await exists(movedTo); n++) movedTo = path.join(this.dir, `${base}.corrupt-${stamp}-${n}.json`);
    try {
      await fs.rename(file, movedTo);
    } catch (err) {
      return { ok: false, problem: problem('storage.notMovedAside', undefined, `${why.detail ?? why.code}; could not move it aside: ${(err as Error).message}`) };
    }
    this.#checked.add(kind);
    const restored = await this.#restoreBackup(kind);
    this.options.onQuarantined?.({ kind, movedTo, problem: why, restored: restored !== null });
    if (restored !== null) return { ok: true, data: restored };
    return { ok: false, problem: why, quarantinedTo: movedTo };
  }

  /**
   * Put a valid `<kind>.json.bak` back as `<kind>.json`; its document, or null when there is none to use.
   * A read-only store uses the backup without writing anything.
   */
  async #restoreBackup(kind: DocKind): Promise<unknown> {
    const file = this.fileFor(kind);
    const backup = await this.#read(kind, `${file}.bak`);
    // No backup, or one that is unreadable or damaged too: the defaults stand, as without one.
    if (backup.kind !== 'valid') return null;
    if (!this.lock) return backup.value;
    try {
      await writeFileAtomic(file, backup.text);
    } catch {
      return null;
    }
    return backup.value;
  }

  /** Temp files from a writer that died mid-save; only the lock holder may remove them. */
  async #sweepTempFiles(): Promise<void> {
    for (const name of await fs.readdir(this.dir)) {
      if (isTempFile(name)) await fs.rm(path.join(this.dir, name), { force: true });
    }
  }

  /** Why a save cannot happen in a store without the lock: the folder cannot be written, or another instance has it. */
  #readOnlyProblem(): Problem {
    const s = this.#status;
    if (s.mode === 'read-only' && s.reason === 'unwritable') return storageProblem(s.code, `this data folder cannot be written (${s.detail}); changes are not saved`);
    const who = this.heldBy ? ` (process ${this.heldBy})` : '';
    return problem('storage.locked', undefined, `another RNN Lab is using this data folder${who}; changes are not saved`);
  }

  #setStatus(status: StorageStatus): void {
    if (JSON.stringify(status) === JSON.stringify(this.#status)) return;
    this.#status = status;
    this.options.onStatus?.(status);
  }

  /** One operation at a time, so a load never observes a save halfway (and saves keep their order). */
  #serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(task, task);
    this.#queue = next.catch(() => {});
    return next;
  }
}

function unwritable(err: unknown): { mode: 'read-only'; reason: 'unwritable'; code: string; detail: string } {
  return { mode: 'read-only', reason: 'unwritable', code: (err as NodeJS.ErrnoException).code ?? 'EIO', detail: (err as Error).message };
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
