/**
 * One lab-worker job as the page sees it: start (which cancels the previous one), progress, done, error, cancel.
 * The race and the sweeps each own one and add their own results through `receive`. Only the current job's
 * events are read, so a cancelled or replaced job's late results never land. They share one worker, so another
 * owner's start can end this job: it then shows as cancelled, with `replacedBy` saying which job took over.
 */
import { t } from '../../i18n/i18n.svelte';
import { cellName } from './colour';
import type { JobRequest, LabClient } from './lab-client';
import type { JobKind, LabEvent } from './lab-messages';

export type JobStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';
/** The part of the lab client a job needs. */
export type JobClient = Pick<LabClient, 'start' | 'cancel'>;

export interface JobProgress {
  /** Training steps finished, of `total`, across every model in the job. */
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
}

export class JobState {
  status: JobStatus = $state('idle');
  progress: JobProgress = $state({ done: 0, total: 0, elapsedMs: 0 });
  error: string | null = $state(null);
  /** The kind of job whose start cancelled this one (another owner's, on the shared worker); null otherwise. */
  replacedBy: JobKind | null = $state(null);
  /** How long the last finished job took, as the worker timed it. */
  durationMs = $state(0);
  #id = -1;
  /** The current job's listener; events reaching any other listener are stale. */
  #listener: ((e: LabEvent) => void) | null = null;

  /** `receive` gets every event of the current job, after the fields above have taken it in. */
  constructor(
    private readonly client: JobClient,
    private readonly receive: (e: LabEvent) => void = () => {},
  ) {}

  get running(): boolean {
    return this.status === 'running';
  }

  start(request: JobRequest): void {
    this.cancel();
    this.error = null;
    this.replacedBy = null;
    this.status = 'running';
    this.progress = { done: 0, total: 0, elapsedMs: 0 };
    const listener = (e: LabEvent) => {
      if (this.#listener === listener) this.#handle(e);
    };
    this.#listener = listener;
    this.#id = this.client.start(request, listener);
  }

  cancel(): void {
    if (this.status !== 'running') return;
    this.#stop();
    this.status = 'cancelled';
  }

  /** Stop a running job without touching the state (the view is going away). */
  dispose(): void {
    if (this.status === 'running') this.#stop();
  }

  #stop(): void {
    this.#listener = null;
    this.client.cancel(this.#id);
  }

  #handle(e: LabEvent): void {
    switch (e.type) {
      case 'progress':
        this.progress = { done: e.done, total: e.total, elapsedMs: e.elapsedMs };
        break;
      case 'done':
        this.durationMs = e.durationMs;
        this.status = 'done';
        this.progress = { ...this.progress, done: this.progress.total };
        this.#listener = null;
        break;
      case 'error':
        this.error = e.diverged ? t('grad.error.diverged', { cell: cellName(e.diverged.cell), quantity: e.diverged.quantity }) : e.message;
        this.status = 'error';
        this.#listener = null;
        break;
      case 'cancelled':
        this.status = 'cancelled';
        this.replacedBy = e.replacedBy ?? null;
        this.#listener = null;
        break;
    }
    this.receive(e);
  }
}
