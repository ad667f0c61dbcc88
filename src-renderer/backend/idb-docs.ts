import type { DocKind, SaveResult, StorageStatus } from '../../src-shared/protocol/ipc-contract';
import { parseDoc, type DocTypes } from '../../src-shared/protocol/documents';
import { jsonBytesWithin } from '../../src-shared/protocol/doc-json';
import { LIMITS } from '../../src-shared/protocol/training-config';
import type { RunDocKind, RunIndex } from '../../src-shared/protocol/run-docs';
import { problem } from '../../src-shared/protocol/problem';
import { storageProblemOf, storageTooLarge } from '../../src-shared/protocol/storage-problem';
import { Listeners, type DocLoad, type DocStore, type QuarantineNotice } from './backend';
import { done, promisify } from './idb-request';
import { migrateLegacyRuns, scanOrphanRuns } from './idb-runs';

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
  #orphansScanned = false;

  constructor(factory?: IDBFactory) {
    // Saved runs in an older layout are brought up to date first (idb-runs.ts), so every load sees today's index.
    this.#db = openDocsDb(factory).then(async (db) => {
      await migrateLegacyRuns(db, DOCS_STORE).catch((err: unknown) => console.warn('RNN Lab: saved runs not migrated', err));
      return db;
    });
    this.#db.catch(() => undefined); // reported on first use
  }

  /**
   * The first load of the runs index in a page also lists again the run records a crash left unlisted, and
   * quarantines those that are not valid runs, each reported once (idb-runs.ts); also when the index itself was bad.
   */
  async load<K extends DocKind>(kind: K): Promise<DocLoad<K>> {
    const res = await this.#load(kind);
    if (kind !== 'runs' || this.#orphansScanned || (!res.ok && !res.quarantinedTo)) return res;
    this.#orphansScanned = true;
    try {
      const db = await this.#db;
      const scan = await scanOrphanRuns(db, DOCS_STORE, res.ok ? (res.value as RunIndex | null) : null);
      for (const bad of scan.invalid) {
        const movedTo = await this.#quarantine(db, bad.kind, bad.data, bad.error);
        const why = problem('storage.invalid', undefined, `${bad.kind} in IndexedDB, listed in no index, does not match its format: ${bad.error}`);
        this.#quarantined.emit({ kind: bad.kind, movedTo, problem: why, restored: false });
      }
      if (scan.left > 0) console.warn(`RNN Lab: ${scan.left} unlisted saved runs kept as they are: the list is full`);
      if (scan.index) return { ok: true, value: scan.index as DocTypes[K] };
    } catch (err) {
      console.warn('RNN Lab: unlisted saved runs not looked for', err);
    }
    return res;
  }

  async #load<K extends DocKind>(kind: K): Promise<DocLoad<K>> {
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
