import {
  compactDetail,
  MAX_SAVED_RUNS,
  parseRunFile,
  RUN_FILE_MAX_CHARS,
  runFileText,
  thinSnapshots,
  type SavedRun,
} from '../../src-shared/protocol/saved-run';
import type { SaveResult } from '../../src-shared/protocol/ipc-contract';
import { problemOf } from '../../src-shared/protocol/problem';
import { indexEntry, RUN_ID_PATTERN, runDocKind, type RunIndexEntry } from '../../src-shared/protocol/run-docs';
import type { DocStore, RunFileDialogs } from '../backend/backend';
import { RunDocCache } from './run-doc-cache.svelte';
import { message, type Message } from '../i18n/message';
import type { LabState } from './lab-state.svelte';
import { logProblem } from '../i18n/problem-text';

/** How long a deleted run can be brought back. */
export const UNDO_MS = 10_000;

/** What the panel says about the last action: a sentence kept as data, worded when shown (so a locale switch rewords it). */
export type RunsNotice = { kind: 'info' | 'error'; message: Message } | null;

/**
 * The learner's saved runs: the list comes from the `runs` index alone (name, date and summary of each), and a run's
 * own `run:<id>` document is read only when it is used (reopened, compared, exported, renamed, deleted with undo),
 * its item saying so meanwhile; one that is missing or damaged is named in the notice and under its item. Save the
 * Lab's run, reopen, rename, delete (undoable while the notice is up), pick two to compare, and move runs in and out
 * as run files. Every change is written at once; a write that fails is undone in the list and reported.
 */
export class RunsState {
  /** The saved runs as the index lists them, in order: what the list shows, without their documents. */
  entries: RunIndexEntry[] = $state.raw([]);
  /** Ids of the runs whose loss curves are overlaid (at most two). */
  compare: string[] = $state([]);
  notice: RunsNotice = $state(null);
  /** A run deleted moments ago, and where it was, while it can still be undone. */
  deleted: { run: SavedRun; index: number } | null = $state.raw(null);
  busy = $state(false);
  /** The last share link made, shown so it can be copied by hand where the clipboard is not allowed. */
  shareLink: string | null = $state(null);
  /** The runs' own documents, read when used: what is being read, and what could not be (run-doc-cache.svelte.ts). */
  readonly docs: RunDocCache;
  readonly #docs: DocStore;
  readonly #lab: LabState;
  readonly #files: RunFileDialogs | undefined;
  #undoTimer: ReturnType<typeof setTimeout> | null = null;

  /** `files`: the desktop's native dialogs for run files; without them the panel uses a file input and a download. */
  constructor(docs: DocStore, lab: LabState, files?: RunFileDialogs) {
    this.#docs = docs;
    this.#lab = lab;
    this.#files = files;
    this.docs = new RunDocCache(docs, {
      nameOf: (id) => this.entries.find((e) => e.id === id)?.name ?? id,
      pinned: (id) => this.compare.includes(id),
      onUnreadable: (said) => (this.notice = { kind: 'error', message: said }),
    });
  }

  /** Whether run files go through the shell's native dialogs. */
  get nativeFiles(): boolean {
    return this.#files !== undefined;
  }

  /** Desktop: pick a run file in the native dialog (main caps and reads it), then import it all or nothing. */
  async importNative(): Promise<void> {
    if (!this.#files) return;
    const res = await this.#files.open();
    if (res.status === 'opened') await this.importText(res.name, res.text);
    else if (res.status === 'failed') {
      logProblem('run file not opened', res.problem);
      this.notice = { kind: 'error', message: message('ui.runs.openFailed', { error: res.problem }) };
    }
  }

  /** Desktop: save one run as a run file where the learner picks in the native dialog. */
  async exportNative(id: string): Promise<void> {
    const file = await this.exportRun(id);
    if (!file || !this.#files) return;
    const res = await this.#files.save(file);
    if (res.status === 'saved') this.notice = { kind: 'info', message: message('ui.runs.exported', { file: res.name }) };
    else if (res.status === 'failed') {
      logProblem('run file not saved', res.problem);
      this.notice = { kind: 'error', message: message('ui.runs.exportFailed', { error: res.problem }) };
    }
  }

  /** The index only: each run's document is read when it is used. */
  async load(): Promise<void> {
    const res = await this.#docs.load('runs');
    if (!res.ok) {
      logProblem('saved runs not loaded', res.problem);
      this.notice = { kind: 'error', message: message('ui.runs.loadFailed', { error: res.problem }) };
      return;
    }
    this.entries = res.value?.runs ?? [];
  }

  /** Name suggested for the next save: the task, the cell and its size, the seed. */
  suggestName(): string {
    const c = this.#lab.config;
    const task = c.dataset ? c.dataset.name || (c.dataset.kind === 'text' ? 'your text' : 'your CSV') : c.task;
    return `${task} · ${c.cell.toUpperCase()} ${c.hiddenSize} · seed ${c.seed}`.slice(0, 80);
  }

  /** Save the Lab's run as it is now: checkpoint (config, seed, data, weights, optimizer, history) and snapshots. */
  async save(name: string): Promise<void> {
    const trimmed = name.trim().slice(0, 80) || this.suggestName();
    if (this.entries.length >= MAX_SAVED_RUNS) {
      this.notice = { kind: 'error', message: message('ui.runs.full', { max: MAX_SAVED_RUNS }) };
      return;
    }
    this.busy = true;
    try {
      const checkpoint = await this.#lab.requestCheckpoint();
      const run: SavedRun = {
        id: newId(),
        name: trimmed,
        // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp, read once
        savedAt: new Date().toISOString(),
        checkpoint,
        snapshots: savedSnapshots(this.#lab.snapshots.all()),
      };
      if (await this.#add(run, this.entries.length)) this.notice = { kind: 'info', message: message('ui.runs.saved', { name: trimmed, step: checkpoint.step }) };
    } finally {
      this.busy = false;
    }
  }

  async reopen(id: string): Promise<void> {
    const run = await this.docs.open(id);
    if (!run) return;
    this.#lab.reopen(run);
    this.notice = { kind: 'info', message: message('ui.runs.reopened', { name: run.name, step: run.checkpoint.step }) };
  }

  /** The run's document and its index entry take the new name (the document is read for it). */
  async rename(id: string, name: string): Promise<void> {
    const trimmed = name.trim().slice(0, 80);
    if (!trimmed) {
      this.notice = { kind: 'error', message: message('ui.runs.needsName') };
      return;
    }
    const run = await this.docs.open(id);
    if (!run) return;
    const renamed = { ...run, name: trimmed };
    if (!(await this.#saveDoc(renamed))) return;
    if (await this.#writeIndex(this.entries.map((e) => (e.id === id ? { ...e, name: trimmed } : e)))) this.docs.keep(renamed);
    else await this.#saveDoc(run);
  }

  /** Unlist the run and remove its document; Undo puts it back while the notice is up (when the document could be read). */
  async remove(id: string): Promise<void> {
    const index = this.entries.findIndex((e) => e.id === id);
    if (index < 0) return;
    const entry = this.entries[index];
    const run = this.docs.unreadable[id] ? null : await this.docs.open(id);
    if (!(await this.#writeIndex(this.entries.filter((e) => e.id !== id)))) return;
    // Listed no more; a document that cannot be removed is only a stray file.
    await this.#docs.remove(runDocKind(id)).catch(() => undefined);
    this.compare = this.compare.filter((c) => c !== id);
    this.docs.drop(id);
    this.deleted = run ? { run, index } : null;
    this.notice = { kind: 'info', message: message('ui.runs.deleted', { name: entry.name }) };
    if (this.#undoTimer !== null) clearTimeout(this.#undoTimer);
    this.#undoTimer = run ? setTimeout(() => this.dismissUndo(), UNDO_MS) : null;
  }

  /** Put the deleted run back where it was. */
  async undoRemove(): Promise<void> {
    const d = this.deleted;
    if (!d) return;
    if (await this.#add(d.run, d.index)) {
      this.dismissUndo();
      this.notice = { kind: 'info', message: message('ui.runs.restored', { name: d.run.name }) };
    }
  }

  dismissUndo(): void {
    if (this.#undoTimer !== null) clearTimeout(this.#undoTimer);
    this.#undoTimer = null;
    this.deleted = null;
  }

  /** Tick or untick a run for the overlay; a ticked run's document is read, and unticked again if it cannot be. */
  async toggleCompare(id: string): Promise<void> {
    if (this.compare.includes(id)) {
      this.compare = this.compare.filter((c) => c !== id);
      return;
    }
    this.compare = [...this.compare, id].slice(-2);
    if (!(await this.docs.open(id))) this.compare = this.compare.filter((c) => c !== id);
  }

  /** The compared runs whose documents are read (the overlay shows once both are). */
  get compared(): SavedRun[] {
    return this.compare.map((id) => this.docs.get(id)).filter((r): r is SavedRun => r !== undefined);
  }

  /** One run as the text of a `*.rnnlab.json` file, and the file name. */
  async exportRun(id: string): Promise<{ name: string; text: string } | null> {
    const run = await this.docs.open(id);
    if (!run) return null;
    const base = run.name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'run';
    return { name: `${base}.rnnlab.json`, text: runFileText(run) };
  }

  /** Read a run file (size capped before reading), add it to the list and reopen it; all or nothing. */
  async importFile(file: File): Promise<void> {
    if (file.size > RUN_FILE_MAX_CHARS * 4) {
      this.notice = { kind: 'error', message: message('ui.runs.importTooBig', { file: file.name, cap: RUN_FILE_MAX_CHARS }) };
      return;
    }
    await this.importText(file.name, await file.text());
  }

  async importText(fileName: string, text: string): Promise<void> {
    const parsed = parseRunFile(text);
    if (!parsed.ok) {
      logProblem(`run file ${fileName} not imported`, parsed.problem);
      this.notice = { kind: 'error', message: message('ui.runs.importBad', { file: fileName, error: parsed.problem }) };
      return;
    }
    if (this.entries.length >= MAX_SAVED_RUNS) {
      this.notice = { kind: 'error', message: message('ui.runs.importFull', { max: MAX_SAVED_RUNS }) };
      return;
    }
    const taken = this.entries.some((e) => e.id === parsed.run.id) || !RUN_ID_PATTERN.test(parsed.run.id);
    const run = taken ? { ...parsed.run, id: newId() } : parsed.run;
    if (!(await this.#add(run, this.entries.length))) return;
    this.#lab.reopen(run);
    this.notice = { kind: 'info', message: message('ui.runs.imported', { name: run.name, step: run.checkpoint.step }) };
  }

  showShareLink(url: string, said: Message): void {
    this.shareLink = url;
    this.notice = { kind: 'info', message: said };
  }

  dispose(): void {
    if (this.#undoTimer !== null) clearTimeout(this.#undoTimer);
  }

  /** Store a run's own document, then list it at `index`; a failed index write removes the document again. */
  async #add(run: SavedRun, index: number): Promise<boolean> {
    if (!(await this.#saveDoc(run))) return false;
    const entries = this.entries.slice();
    entries.splice(Math.min(index, entries.length), 0, indexEntry(run));
    if (await this.#writeIndex(entries)) {
      this.docs.keep(run);
      return true;
    }
    await this.#docs.remove(runDocKind(run.id)).catch(() => undefined);
    return false;
  }

  #saveDoc(run: SavedRun): Promise<boolean> {
    return this.#report(() => this.#docs.save(runDocKind(run.id), run));
  }

  /** Write the index of `entries`; only once it is stored does the list show them. */
  async #writeIndex(entries: RunIndexEntry[]): Promise<boolean> {
    if (!(await this.#report(() => this.#docs.save('runs', { version: 3, runs: entries })))) return false;
    this.entries = entries;
    return true;
  }

  async #report(write: () => Promise<SaveResult>): Promise<boolean> {
    let res: SaveResult;
    try {
      res = await write();
    } catch (err) {
      res = { ok: false, problem: problemOf(err) };
    }
    if (!res.ok) {
      logProblem('runs not written', res.problem);
      this.notice = { kind: 'error', message: message('ui.runs.writeFailed', { error: res.problem }) };
    }
    return res.ok;
  }
}

/** The view's snapshots thinned again for storage, their numbers rounded to what the view can show. */
export function savedSnapshots(all: readonly SavedRun['snapshots'][number][]): SavedRun['snapshots'] {
  return thinSnapshots(all).map(compactDetail);
}

function newId(): string {
  return `run-${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`;
}
