/**
 * One trainer-host job as the page sees it: start (which cancels the previous one), progress, pause/resume, done,
 * error, cancel. The race and the sweeps each own one and add their own results through `receive`. Only the
 * current job's events are read, so a cancelled or replaced job's late results never land. The host runs one job
 * at a time, so another owner's start can end this job: it then shows as cancelled, with `replacedBy` saying which
 * job took over. A trainer crash ends it as an error with `interrupted` set, and the owner offers to run it again.
 */
import type { JobEvent, JobKind, JobRequest } from '../../../src-shared/protocol/job-messages';
import type { JobHandle, JobsApi } from '../../backend/backend';
import { jobError, jobErrorText, type JobError } from '../../i18n/job-error';

export type JobStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface JobProgress {
  /** Training steps finished, of `total`, across every model in the job. */
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
}

export class JobState {
  status: JobStatus = $state('idle');
  progress: JobProgress = $state({ done: 0, total: 0, elapsedMs: 0 });
  /** Why the job ended in error, kept as data (see errorText). */
  error: JobError | null = $state(null);
  /** The kind of job whose start cancelled this one (another owner's, on the shared host); null otherwise. */
  replacedBy: JobKind | null = $state(null);
  /** The trainer stopped (crashed or hung) while this job ran: the run is lost, and can be run again. */
  interrupted = $state(false);
  /** The running job is held between two steps (see pause). */
  paused = $state(false);
  /** How long the last finished job took, running time as the host timed it. */
  durationMs = $state(0);
  #handle: JobHandle | null = null;
  /** The current job's listener; events reaching any other listener are stale. */
  #listener: ((e: JobEvent) => void) | null = null;

  /** `receive` gets every event of the current job, after the fields above have taken it in. */
  constructor(
    private readonly jobs: JobsApi,
    private readonly receive: (e: JobEvent) => void = () => {},
  ) {}

  get running(): boolean {
    return this.status === 'running';
  }

  /** The error in the learner's current language, or null. */
  get errorText(): string | null {
    return this.error ? jobErrorText(this.error) : null;
  }

  start(request: JobRequest): void {
    this.cancel();
    this.error = null;
    this.replacedBy = null;
    this.interrupted = false;
    this.paused = false;
    this.status = 'running';
    this.progress = { done: 0, total: 0, elapsedMs: 0 };
    const listener = (e: JobEvent) => {
      if (this.#listener === listener) this.#take(e);
    };
    this.#listener = listener;
    this.#handle = this.jobs.start(request, listener);
  }

  /** Hold the running job between two steps, or let it go on (the host confirms with a 'paused' event). */
  togglePause(): void {
    if (this.status !== 'running') return;
    if (this.paused) this.#handle?.resume();
    else this.#handle?.pause();
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
    this.paused = false;
    this.#handle?.cancel();
  }

  #take(e: JobEvent): void {
    switch (e.type) {
      case 'progress':
        this.progress = { done: e.done, total: e.total, elapsedMs: e.elapsedMs };
        break;
      case 'paused':
        this.paused = e.paused;
        break;
      case 'done':
        this.durationMs = e.durationMs;
        this.status = 'done';
        this.paused = false;
        this.progress = { ...this.progress, done: this.progress.total };
        this.#listener = null;
        break;
      case 'error':
        this.error = jobError(e);
        this.interrupted = e.reason === 'interrupted';
        this.status = 'error';
        this.paused = false;
        this.#listener = null;
        break;
      case 'cancelled':
        this.status = 'cancelled';
        this.paused = false;
        this.replacedBy = e.replacedBy ?? null;
        this.#listener = null;
        break;
    }
    this.receive(e);
  }
}
