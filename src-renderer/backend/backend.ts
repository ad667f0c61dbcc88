import type { RunDocKind } from '../../src-shared/protocol/run-docs';
import type { ActionResult, AppInfo, DocKind, OpenRunFileResult, OpenTextFileRequest, OpenTextFileResult, SaveRunFileRequest, SaveRunFileResult, PresenterState, SaveResult, StorageStatus, TrainerHealth } from '../../src-shared/protocol/ipc-contract';
import type { DocTypes } from '../../src-shared/protocol/documents';
import type { PolicyLoad } from '../../src-shared/protocol/policy';
import type { JobEvent, JobRequest, JobStreamCommand } from '../../src-shared/protocol/job-messages';
import type { TrainerCommand, TrainerEvent } from '../../src-shared/protocol/trainer-messages';
import type { Problem } from '../../src-shared/protocol/problem';

/**
 * The one interface the renderer talks to. The desktop shell (Electron, via `window.rnnLab`) and the
 * browser build (IndexedDB + a module Web Worker) each implement it, so no view knows where it runs.
 */
export interface Backend {
  readonly shell: 'electron' | 'browser';
  info(): Promise<AppInfo>;
  readonly docs: DocStore;
  /** Open an allow-listed https link in the system browser (desktop) or a new tab (browser). */
  openExternal(url: string): Promise<ActionResult>;
  readonly trainer: TrainerStream;
  /** The machine policy a school set (desktop: a file main reads; browser: policy.json beside index.html). */
  policy(): Promise<PolicyLoad>;
  /** Experiments run by the trainer host beside the Lab's session (Gradients, the quiz's predict-then-check runs). */
  readonly jobs: JobsApi;
  /** Desktop only: show the presenter's slides on a second screen (absent in the browser build). */
  readonly presenter?: PresenterLink;
  /** Desktop only: pick a text or CSV file in the native open dialog (the browser build uses a file input). */
  openTextFile?(req: OpenTextFileRequest): Promise<OpenTextFileResult>;
  /** Desktop only: import and export run files through the native dialogs (browser: a file input and a download). */
  readonly runFiles?: RunFileDialogs;
  /** Close ports, terminate workers, drop listeners. */
  dispose(): void;
}

/** Presenter mode across two windows: the presenter drives, the audience window follows. */
export interface PresenterLink {
  /** Open the audience window (fullscreen on the external display when there is one). */
  openAudience(): Promise<ActionResult>;
  /** Presenter side: tell the audience window which slide to show (or to blank the screen). */
  sync(state: PresenterState): void;
  /** Audience side: follow the presenter; a listener added late gets the latest state at once. */
  onState(listener: (state: PresenterState) => void): () => void;
  /** Presenter side: the audience window was closed. */
  onAudienceClosed(listener: () => void): () => void;
}

/** Result of loading one document: `value` is null when nothing was ever saved. */
export type DocLoad<K extends DocKind> =
  | { ok: true; value: DocTypes[K] | null }
  | { ok: false; problem: Problem; quarantinedTo?: string };

/** A stored document failed validation and was moved aside (never overwritten). */
export interface QuarantineNotice {
  readonly kind: DocKind;
  readonly movedTo: string;
  /** Why it was refused (worded by the renderer; its English detail for the console). */
  readonly problem: Problem;
  /** The previous saved version replaced it (Electron keeps one; the browser build does not). */
  readonly restored?: boolean;
}

/** Run files through the shell's native dialogs (the contract's openRunFile / saveRunFile). */
export interface RunFileDialogs {
  open(): Promise<OpenRunFileResult>;
  save(req: SaveRunFileRequest): Promise<SaveRunFileResult>;
}

export interface DocStore {
  load<K extends DocKind>(kind: K): Promise<DocLoad<K>>;
  save<K extends DocKind>(kind: K, value: DocTypes[K]): Promise<SaveResult>;
  /** Remove one saved run's document (run-docs.ts); removing one that is not there succeeds. */
  remove(kind: RunDocKind): Promise<SaveResult>;
  /** Fires whenever a corrupt document is quarantined (at load time or reported by main). */
  onQuarantined(listener: (notice: QuarantineNotice) => void): () => void;
  /** Can saves succeed? Read-only when another instance holds the data folder or it cannot be written. */
  status(): Promise<StorageStatus>;
  /** Fires when saving becomes impossible (a full disk) or possible again. */
  onStatus(listener: (status: StorageStatus) => void): () => void;
}

/** The training stream: commands out, validated events and supervision health back. */
export interface TrainerStream {
  send(cmd: TrainerCommand): void;
  onEvent(listener: (event: TrainerEvent) => void): () => void;
  onHealth(listener: (health: TrainerHealth) => void): () => void;
}

/**
 * The trainer host's job family (src-shared/protocol/job-messages.ts). One job runs at a time: starting one (an
 * explore request excepted) replaces the last. Every job's listener hears exactly one ending (done, error or
 * cancelled; explore-result for an explore), also when the trainer dies under it ('error', reason 'interrupted').
 */
export interface JobsApi {
  start(request: JobRequest, listener: JobListener): JobHandle;
}

export type JobListener = (event: JobEvent) => void;

/** A started job: its id, and the commands that act on it (harmless once it has ended). */
export interface JobHandle {
  readonly id: number;
  /** Stop the job: its listener hears 'cancelled' now, and nothing the trainer sends for it later. */
  cancel(): void;
  /** Hold the job between two steps; its listener hears 'paused'. */
  pause(): void;
  resume(): void;
}

/** What a training stream offers the job family: the same channel, and its supervision health. */
export interface JobLink {
  sendJob(cmd: JobStreamCommand): void;
  /** Raw `{ type: 'job' }` messages from the trainer (validated by the receiver). */
  onJobMessage(listener: (raw: unknown) => void): () => void;
  onHealth(listener: (health: TrainerHealth) => void): () => void;
}

/** Tiny typed listener set shared by both backends. */
export class Listeners<T> {
  readonly #set = new Set<(value: T) => void>();

  add(listener: (value: T) => void): () => void {
    this.#set.add(listener);
    return () => this.#set.delete(listener);
  }

  emit(value: T): void {
    for (const listener of [...this.#set]) {
      try {
        listener(value);
      } catch (err) {
        console.error('listener failed', err);
      }
    }
  }

  clear(): void {
    this.#set.clear();
  }
}
