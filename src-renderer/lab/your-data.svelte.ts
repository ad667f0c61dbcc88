import { OPEN_FILE_MAX_BYTES, type OpenTextFileRequest, type OpenTextFileResult } from '../../src-shared/protocol/ipc-contract';
import { LIMITS, type Dataset } from '../../src-shared/protocol/training-config';
import { taskFromDataset } from '../../src-shared/tasks/user-data';
import type { TaskData } from '../../src-shared/tasks/types';
import { problem, problemOf, type Problem } from '../../src-shared/protocol/problem';
import { logProblem } from '../i18n/problem-text';
import { previewOf, type DatasetPreview } from './dataset-preview';

export type DataKind = Dataset['kind'];

/** Where the Lab's data comes from: a bundled task's generator, or the learner's text or CSV. */
export type DataSource = 'bundled' | DataKind;

export interface YourDataOptions {
  /** The seed the preview splits the data with (the run's own). */
  seed: () => number;
  /** The dataset in the current config, if any: the last good one, which stays loaded whatever the box holds. */
  loaded: () => Dataset | undefined;
  /** Train on this dataset (a fresh run). */
  use: (dataset: Dataset, data: TaskData) => void;
  /** Desktop: the native open dialog (absent in the browser build, which uses a file input). */
  openTextFile?: (req: OpenTextFileRequest) => Promise<OpenTextFileResult>;
  /** Edits settle this long before the box is parsed again. */
  parseDelayMs?: number;
}

/** Bytes as megabytes with one decimal, the number a problem's sentence names. */
const mb = (bytes: number) => Math.round(bytes / 100_000) / 10;

/**
 * The "Your data" editor: the text in the box for each kind, its parsed preview or the error that stops it.
 * An error never clears the box or unloads the dataset the Lab is training on; sizes are capped before parsing.
 */
export class YourData {
  source: DataSource = $state('bundled');
  /** What the learner typed, pasted or opened, per kind (switching kind keeps both). */
  drafts: Record<DataKind, string> = $state({ text: '', csv: '' });
  names: Record<DataKind, string> = $state({ text: '', csv: '' });
  preview: DatasetPreview | null = $state.raw(null);
  /** Why the box's content is not loaded (shown in the learner's language; its English detail is logged). */
  error: Problem | null = $state.raw(null);
  readonly #opts: YourDataOptions;
  #parsed: { kind: DataKind; source: string; data: TaskData } | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(opts: YourDataOptions) {
    this.#opts = opts;
    const loaded = opts.loaded();
    if (loaded) {
      this.source = loaded.kind;
      this.drafts[loaded.kind] = loaded.source;
      this.names[loaded.kind] = loaded.name;
      this.parseNow();
    }
  }

  get kind(): DataKind | null {
    return this.source === 'bundled' ? null : this.source;
  }

  get draft(): string {
    return this.kind ? this.drafts[this.kind] : '';
  }

  /** The dataset the Lab trains on, if any. */
  get loaded(): Dataset | undefined {
    return this.#opts.loaded();
  }

  get hasDesktopDialog(): boolean {
    return this.#opts.openTextFile !== undefined;
  }

  /** Whether the box holds exactly the dataset the Lab trains on. */
  get inUse(): boolean {
    const loaded = this.#opts.loaded();
    return loaded !== undefined && loaded.kind === this.kind && loaded.source === this.draft;
  }

  /** Whether "Train on this" can act: the box parsed cleanly and is not already in use. */
  get canUse(): boolean {
    return this.preview !== null && this.error === null && !this.inUse;
  }

  choose(source: DataSource): void {
    this.source = source;
    this.parseNow();
  }

  /** The learner typed or pasted; the preview follows once edits settle. */
  edit(text: string): void {
    const kind = this.kind;
    if (!kind) return;
    this.drafts[kind] = text;
    this.names[kind] = '';
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.parseNow(), this.#opts.parseDelayMs ?? 200);
  }

  /** A file from the file input or a drop: refused over the cap before it is read. */
  async readFile(file: File): Promise<void> {
    const kind = this.kind;
    if (!kind) return;
    if (file.size > OPEN_FILE_MAX_BYTES) {
      this.#fail(problem('data.fileTooBig', { name: file.name, size: mb(file.size), cap: mb(OPEN_FILE_MAX_BYTES) }, `${file.name} is ${mb(file.size)} MB; the cap is ${mb(OPEN_FILE_MAX_BYTES)} MB`));
      return;
    }
    this.#load(kind, file.name, await file.text());
  }

  /** Desktop: the native open dialog through main. */
  async openWithDialog(): Promise<void> {
    const kind = this.kind;
    if (!kind || !this.#opts.openTextFile) return;
    const result = await this.#opts.openTextFile({ kind });
    if (result.status === 'opened') this.#load(kind, result.name, result.text);
    else if (result.status === 'failed') this.#fail(result.problem);
  }

  /** Parse the box now (size capped first); on an error the previous preview and the loaded dataset stay. */
  parseNow(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const kind = this.kind;
    if (!kind) return;
    const source = this.drafts[kind];
    if (source.trim() === '') {
      this.preview = null;
      this.error = null;
      this.#parsed = null;
      return;
    }
    if (source.length > LIMITS.datasetChars) {
      const what = kind === 'text' ? 'text' : 'CSV';
      this.#fail(problem(`data.${kind}.tooLong`, { chars: source.length, cap: LIMITS.datasetChars }, `your ${what} has ${source.length} characters; the cap is ${LIMITS.datasetChars}`));
      return;
    }
    try {
      const data = taskFromDataset({ kind, source }, this.#opts.seed());
      this.#parsed = { kind, source, data };
      this.preview = previewOf(data);
      this.error = null;
    } catch (err) {
      this.#fail(problemOf(err));
    }
  }

  /** Train on what the box holds (its last clean parse). */
  use(): void {
    if (this.#timer !== null) this.parseNow();
    const kind = this.kind;
    const parsed = this.#parsed;
    if (!kind || !parsed || this.error || parsed.kind !== kind || parsed.source !== this.drafts[kind]) return;
    this.#opts.use({ kind, name: this.names[kind], source: parsed.source }, parsed.data);
  }

  /** The Lab's config changed elsewhere (a reopened run, a lesson preset): show its data. */
  follow(loaded: Dataset | undefined): void {
    if (!loaded) {
      this.source = 'bundled';
      return;
    }
    this.source = loaded.kind;
    if (this.drafts[loaded.kind] !== loaded.source) {
      this.drafts[loaded.kind] = loaded.source;
      this.names[loaded.kind] = loaded.name;
    }
    this.parseNow();
  }

  dispose(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
  }

  #fail(p: Problem): void {
    this.error = p;
    logProblem('your data not loaded', p);
  }

  #load(kind: DataKind, name: string, text: string): void {
    this.drafts[kind] = text;
    this.names[kind] = name.slice(0, 120);
    this.parseNow();
  }
}
