/**
 * The trainer host's job family: drives one job at a time in short slices (run steps for SLICE_MS, then yield
 * to the event loop), on the same thread as the Lab's training session. The session trains in slices of its own
 * (12 ms), so the two take turns: a pause, a stop or the next job command is read within one slice of either.
 * A job's slice is the shorter (one step or one chunk of held-out scoring past SLICE_MS), so while the Lab trains
 * it keeps most of the thread; alone, a job loses nothing by yielding often (a yield costs microseconds).
 * Progress goes out at most every PROGRESS_MS, race ticks at most every TICK_MS.
 */
import * as v from 'valibot';
import { describeIssues } from '../protocol/documents';
import { problem, type Problem } from '../protocol/problem';
import { JobStreamCommandSchema, type JobCommand, type JobEvent, type JobRequest } from '../protocol/job-messages';
import { createYielder } from '../session/scheduler';
import { attributionJob } from './attribution-job';
import { computeExplorer } from './explorer';
import { bidirJob, DivergedError, horizonJob, jobTotal, raceJob, type Job, type JobOutput } from './jobs';

export const SLICE_MS = 4;
export const PROGRESS_MS = 250;
/** Race ticks (curves and heatmap rows) at most this often. */
export const TICK_MS = 100;

interface ActiveJob {
  readonly id: number;
  readonly gen: Job;
  readonly total: number;
  /** When the job started, moved forward by the time it spent paused (so elapsed time is time running). */
  start: number;
  lastProgress: number;
  /** Set while paused: when the pause began. */
  pausedAt: number | null;
}

export class JobRunner {
  #job: ActiveJob | null = null;
  #yielder = createYielder();
  #scheduled = false;
  #lastTick = 0;
  #disposed = false;

  constructor(
    private readonly post: (e: JobEvent) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Validate and act on one raw `{ type: 'job' }` message from the stream; a bad one is answered with an error. */
  handle(raw: unknown): void {
    if (this.#disposed) return;
    const parsed = v.safeParse(JobStreamCommandSchema, raw);
    if (!parsed.success) {
      const id = (raw as { command?: { id?: unknown } } | null)?.command?.id;
      const refused = problem('job.badRequest', undefined, `bad job command: ${describeIssues(parsed.issues)}`);
      this.post({ type: 'error', id: typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : 0, reason: 'bad-request', problem: refused });
      return;
    }
    this.#dispatch(parsed.output.command);
  }

  dispose(): void {
    this.#disposed = true;
    this.#job = null;
    this.#yielder.dispose();
  }

  #dispatch(cmd: JobCommand): void {
    const job = this.#job?.id === cmd.id ? this.#job : null;
    switch (cmd.type) {
      case 'start':
        this.#start(cmd.id, cmd.request);
        return;
      case 'cancel':
        if (!job) return;
        this.#job = null;
        this.post({ type: 'cancelled', id: cmd.id });
        return;
      case 'pause':
        if (!job || job.pausedAt !== null) return;
        job.pausedAt = this.now();
        this.post({ type: 'paused', id: job.id, paused: true });
        return;
      case 'resume':
        if (!job || job.pausedAt === null) return;
        job.start += this.now() - job.pausedAt;
        job.pausedAt = null;
        this.post({ type: 'paused', id: job.id, paused: false });
        this.#schedule();
        return;
    }
  }

  #start(id: number, request: JobRequest): void {
    if (request.type === 'explore') {
      try {
        const { type: _type, ...input } = request;
        const d = computeExplorer(input);
        this.post({ type: 'explore-result', id, exact: d.exact, ideal: d.ideal, clipped: d.clipped, clipScale: d.clipScale, rho: d.rho });
      } catch (err) {
        this.post({ type: 'error', id, reason: 'failed', problem: failure(err) });
      }
      return;
    }
    if (this.#job) this.post({ type: 'cancelled', id: this.#job.id, replacedBy: request.type });
    this.#job = null;
    const start = this.now();
    const emit = (out: JobOutput) =>
      this.post({ ...out, id, ...(out.type === 'done' ? { durationMs: this.now() - (this.#job?.start ?? start) } : {}) } as JobEvent);
    const flushEvery = () => {
      if (this.now() - this.#lastTick < TICK_MS) return false;
      this.#lastTick = this.now();
      return true;
    };
    let gen: Job;
    try {
      gen = jobFor(request, emit, flushEvery);
    } catch (err) {
      this.post({ type: 'error', id, reason: 'failed', problem: failure(err) });
      return;
    }
    this.#job = { id, gen, total: jobTotal(request), start, lastProgress: -Infinity, pausedAt: null };
    this.#schedule();
  }

  #schedule(): void {
    if (this.#scheduled || this.#disposed) return;
    this.#scheduled = true;
    this.#yielder.schedule(() => {
      this.#scheduled = false;
      this.#slice();
    });
  }

  #slice(): void {
    const job = this.#job;
    if (!job || job.pausedAt !== null) return;
    const t0 = this.now();
    try {
      while (this.now() - t0 < SLICE_MS) {
        const r = job.gen.next();
        if (r.done) {
          // The job's last event ('done') went out from inside it.
          if (this.#job === job) this.#job = null;
          return;
        }
        if (this.now() - job.lastProgress >= PROGRESS_MS) {
          job.lastProgress = this.now();
          this.post({ type: 'progress', id: job.id, done: r.value, total: job.total, elapsedMs: job.lastProgress - job.start });
        }
      }
    } catch (err) {
      if (this.#job === job) this.#job = null;
      // A diverged model is named by cell and quantity, so the page can say it in the learner's language.
      const diverged = err instanceof DivergedError ? { cell: err.cell, quantity: err.quantity } : undefined;
      this.post({ type: 'error', id: job.id, reason: 'failed', problem: failure(err), ...(diverged ? { diverged } : {}) });
      return;
    }
    if (this.#job === job) this.#schedule();
  }
}

function jobFor(request: Exclude<JobRequest, { type: 'explore' }>, emit: (out: JobOutput) => void, flushEvery: () => boolean): Job {
  switch (request.type) {
    case 'race':
      return raceJob(request, emit, flushEvery);
    case 'horizon':
      return horizonJob(request, emit);
    case 'bidir':
      return bidirJob(request, emit);
    case 'attribution':
      return attributionJob(request, emit);
  }
}

/** A job's failure as a problem: the exception's English message is its detail, for logs only. */
function failure(err: unknown): Problem {
  return problem('job.failed', undefined, err instanceof Error ? err.message : String(err));
}
