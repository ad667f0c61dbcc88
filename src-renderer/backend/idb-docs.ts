import * as v from 'valibot';
import type { DocKind, SaveResult, StorageStatus } from '../../src-shared/protocol/ipc-contract';
import { parseDoc, type DocTypes } from '../../src-shared/protocol/documents';
import { jsonBytesWithin } from '../../src-shared/protocol/doc-json';
import { LIMITS } from '../../src-shared/protocol/training-config';
import { LegacyRunsSchema, splitLegacyRuns, type RunDocKind } from '../../src-shared/protocol/run-docs';
import { problem } from '../../src-shared/protocol/problem';
import { storageProblemOf, storageTooLarge } from '../../src-shared/protocol/storage-problem';
import { Listeners, type DocLoad, type DocStore, type QuarantineNotice } from './backend';

/** IndexedDB layout of the browser build (e2e tests rely on these names). */
export const IDB_NAME = 'rnn-lab';
export const IDB_VERSION = 1;
export const DOCS_STORE = 'docs';
export const QUARANTINE_STORE = 'quarantine';

/** What a quarantined record keeps: the raw data exactly as it was found, and why it was refused. */
export interface QuarantineRecord {
  kind: DocKind;
  at: string;
  error: string;
  data: unknown;
}

function promisify<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function openDocsDb(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(IDB_NAME, IDB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(DOCS_STORE)) db.createObjectStore(DOCS_STORE);
      if (!db.objectStoreNames.contains(QUARANTINE_STORE)) db.createObjectStore(QUARANTINE_STORE, { autoIncrement: true });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('cannot open IndexedDB'));
    req.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
  });
}

/**
 * Versioned documents in IndexedDB, validated on load. A record that fails its schema is moved to the
 * quarantine store in the same transaction that removes it, and reported; it is never overwritten in place.
 */
export class IdbDocStore implements DocStore {
  readonly #db: Promise<IDBDatabase>;
  readonly #quarantined = new Listeners<QuarantineNotice>();

  constructor(factory?: IDBFactory) {
    // Saved runs from before per-run documents are split out first (migrateLegacyRuns), so every load sees the index.
    this.#db = openDocsDb(factory).then(async (db) => {
      await migrateLegacyRuns(db).catch((err: unknown) => console.warn('RNN Lab: saved runs not migrated', err));
      return db;
    });
    this.#db.catch(() => undefined); // reported on first use
  }

  async load<K extends DocKind>(kind: K): Promise<DocLoad<K>> {
    try {
      const db = await this.#db;
      const raw: unknown = await promisify(db.transaction(DOCS_STORE, 'readonly').objectStore(DOCS_STORE).get(kind));
      if (raw === undefined) return { ok: true, value: null };
      const parsed = parseDoc(kind, raw);
      if (parsed.ok) return { ok: true, value: parsed.value };
      const movedTo = await this.#quarantine(db, kind, raw, parsed.error);
      const why = problem('storage.invalid', undefined, `${kind} in IndexedDB does not match its format: ${parsed.error}`);
      this.#quarantined.emit({ kind, movedTo, problem: why });
      return { ok: false, problem: why, quarantinedTo: movedTo };
    } catch (err) {
      return { ok: false, problem: storageProblemOf(err, `could not read ${kind} from IndexedDB`) };
    }
  }

  async save<K extends DocKind>(kind: K, value: DocTypes[K]): Promise<SaveResult> {
    // The desktop's file cap, checked before validating (which would hold the page for seconds on a huge value).
    if (jsonBytesWithin(value, LIMITS.fileBytes) === null) return { ok: false, problem: storageTooLarge(kind, LIMITS.fileBytes) };
    const parsed = parseDoc(kind, value);
    if (!parsed.ok) return { ok: false, problem: problem('storage.invalid', undefined, `Not saved: ${parsed.error}`) };
    try {
      const db = await this.#db;
      const tx = db.transaction(DOCS_STORE, 'readwrite');
      tx.objectStore(DOCS_STORE).put(parsed.value, kind);
      await done(tx);
      return { ok: true };
    } catch (err) {
      return { ok: false, problem: storageProblemOf(err, `could not save ${kind} in IndexedDB`) };
    }
  }

  /** Remove one saved run's record; its last version is kept under `<kind>.bak`, as the desktop keeps a file. */
  async remove(kind: RunDocKind): Promise<SaveResult> {
    try {
      const db = await this.#db;
      const tx = db.transaction(DOCS_STORE, 'readwrite');
      const store = tx.objectStore(DOCS_STORE);
      const req = store.get(kind);
      req.onsuccess = () => {
        if (req.result !== undefined) store.put(req.result, `${kind}.bak`);
        store.delete(kind);
      };
      await done(tx);
      return { ok: true };
    } catch (err) {
      return { ok: false, problem: storageProblemOf(err, `could not delete ${kind} from IndexedDB`) };
    }
  }

  onQuarantined(listener: (notice: QuarantineNotice) => void): () => void {
    return this.#quarantined.add(listener);
  }

  /** Writable unless the browser refused the database (private mode, storage disabled). */
  async status(): Promise<StorageStatus> {
    try {
      await this.#db;
      return { mode: 'writable' };
    } catch (err) {
      return { mode: 'read-only', reason: 'unwritable', code: err instanceof DOMException ? err.name : 'EIO', detail: err instanceof Error ? err.message : String(err) };
    }
  }

  /** The browser gives no signal when storage frees up again; a failed save reports its own error. */
  onStatus(): () => void {
    return () => {};
  }

  async #quarantine(db: IDBDatabase, kind: DocKind, data: unknown, error: string): Promise<string> {
    const tx = db.transaction([DOCS_STORE, QUARANTINE_STORE], 'readwrite');
    const record: QuarantineRecord = { kind, at: new Date().toISOString(), error, data };
    const keyReq = tx.objectStore(QUARANTINE_STORE).add(record);
    tx.objectStore(DOCS_STORE).delete(kind);
    await done(tx);
    return `${QUARANTINE_STORE}/${String(keyReq.result)}`;
  }

  dispose(): void {
    this.#quarantined.clear();
    void this.#db.then((db) => db.close()).catch(() => undefined);
  }
}

/**
 * The browser twin of the desktop's runs migration (src-main/store/runs-migration.ts): a version-1 `runs` record
 * (every run inline) becomes one `run:<id>` record per run and a version-2 index, in one transaction, the old
 * record kept under `runs.v1-<time>.bak`. A record that is not a valid version 1 is left for load to quarantine.
 */
export async function migrateLegacyRuns(db: IDBDatabase, now = new Date()): Promise<number> {
  const tx = db.transaction(DOCS_STORE, 'readwrite');
  const store = tx.objectStore(DOCS_STORE);
  let migrated = 0;
  const req = store.get('runs');
  req.onsuccess = () => {
    const legacy = v.safeParse(LegacyRunsSchema, req.result);
    if (!legacy.success) return;
    const { index, runs } = splitLegacyRuns(legacy.output);
    for (const run of runs) store.put(run, `run:${run.id}`);
    store.put(req.result, `runs.v1-${now.toISOString()}.bak`);
    store.put(index, 'runs');
    migrated = runs.length;
  };
  await done(tx);
  return migrated;
}
