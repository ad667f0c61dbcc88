import { problem, problemOf } from '../../src-shared/protocol/problem';
import { runDocKind } from '../../src-shared/protocol/run-docs';
import type { SavedRun } from '../../src-shared/protocol/saved-run';
import type { DocLoad, DocStore } from '../backend/backend';
import { message, type Message } from '../i18n/message';
import { logProblem } from '../i18n/problem-text';

/** Most run documents kept in memory at once: the two compared and the last one used (each up to 5 MB). */
export const KEPT_DOCS = 3;

export interface RunDocCacheOptions {
  /** The run's name in the list, for the error that names it. */
  nameOf(id: string): string;
  /** A run whose document must stay in memory (a compared one). */
  pinned(id: string): boolean;
  /** Said when a document is missing or damaged. */
  onUnreadable(said: Message): void;
}

/**
 * Saved runs' own documents (`run:<id>`), read from the store only when a run is used and kept while in use: the
 * list works from the index alone (runs-state.svelte.ts). A run being read is in `loading`; one whose document is
 * missing or damaged (the store has set a damaged one aside, never overwritten it) is in `unreadable`, with why.
 */
export class RunDocCache {
  /** Ids of the runs whose documents are being read. */
  loading: string[] = $state([]);
  /** Runs whose document could not be read this session, with why. */
  unreadable: Readonly<Record<string, Message>> = $state.raw({});
  /** Documents read or written this session, most recently used last (at most KEPT_DOCS, pinned ones kept). */
  #kept: SavedRun[] = $state.raw([]);
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- reads in flight, so two clicks share one; nothing shows it
  readonly #reading = new Map<string, Promise<SavedRun | null>>();
  readonly #docs: DocStore;
  readonly #options: RunDocCacheOptions;

  constructor(docs: DocStore, options: RunDocCacheOptions) {
    this.#docs = docs;
    this.#options = options;
  }

  /** The run's document if it is in memory (no read). */
  get(id: string): SavedRun | undefined {
    return this.#kept.find((r) => r.id === id);
  }

  /** The run's document, read once and kept while it is in use; null (and said) when it is missing or damaged. */
  open(id: string): Promise<SavedRun | null> {
    const kept = this.get(id);
    if (kept) {
      this.keep(kept);
      return Promise.resolve(kept);
    }
    let reading = this.#reading.get(id);
    if (!reading) {
      reading = this.#read(id).finally(() => this.#reading.delete(id));
      this.#reading.set(id, reading);
    }
    return reading;
  }

  isLoading(id: string): boolean {
    return this.loading.includes(id);
  }

  /** Keep `run` as the most recently used document (replacing an older version of it), dropping the oldest unpinned. */
  keep(run: SavedRun): void {
    const kept = [...this.#kept.filter((r) => r.id !== run.id), run];
    while (kept.length > KEPT_DOCS) {
      const i = kept.findIndex((r) => !this.#options.pinned(r.id));
      if (i < 0 || i === kept.length - 1) break;
      kept.splice(i, 1);
    }
    this.#kept = kept;
  }

  drop(id: string): void {
    this.#kept = this.#kept.filter((r) => r.id !== id);
  }

  async #read(id: string): Promise<SavedRun | null> {
    this.loading = [...this.loading, id];
    let res: DocLoad<`run:${string}`>;
    try {
      res = await this.#docs.load(runDocKind(id));
    } catch (err) {
      res = { ok: false, problem: problemOf(err) };
    } finally {
      this.loading = this.loading.filter((l) => l !== id);
    }
    if (res.ok && res.value) {
      const { [id]: _, ...rest } = this.unreadable;
      this.unreadable = rest;
      this.keep(res.value);
      return res.value;
    }
    const why = res.ok ? problem('storage.missing', undefined, `run:${id} is listed but has no document`) : res.problem;
    const name = this.#options.nameOf(id);
    logProblem(`saved run “${name}” not read`, why);
    const said = message('ui.runs.runUnreadable', { name, error: why });
    this.unreadable = { ...this.unreadable, [id]: said };
    this.#options.onUnreadable(said);
    return null;
  }
}
