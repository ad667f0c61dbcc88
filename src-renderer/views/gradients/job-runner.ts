/**
 * Drives one job at a time in short slices: run steps for SLICE_MS, yield to the event loop (so a cancel or a
 * new job is read within a slice), repeat. Progress goes out at most every PROGRESS_MS.
 */
import * as v from 'valibot';
import { createYielder } from '../../../src-shared/session/scheduler';
import { computeExplorer } from './explorer-data';
import { bidirJob, DivergedError, horizonJob, jobTotal, raceJob, type Job, type JobOutput } from './jobs';
import { LabCommandSchema, type LabCommand, type LabEvent } from './lab-messages';

export const SLICE_MS = 10;
export const PROGRESS_MS = 250;
/** Race ticks (curves and heatmap rows) at most this often. */
export const TICK_MS = 100;

interface ActiveJob {
  id: number;
  gen: Job;
  total: number;
  start: number;
  lastProgress: number;
}

export class JobRunner {
  #job: ActiveJob | null = null;
  #yielder = createYielder();
  #lastTick = 0;

  constructor(
    private readonly post: (e: LabEvent) => void,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Validate and act on one raw message from the page. */
  handle(raw: unknown): void {
    const parsed = v.safeParse(LabCommandSchema, raw);
    if (!parsed.success) {
      const id = typeof (raw as { id?: unknown })?.id === 'number' ? (raw as { id: number }).id : 0;
      this.post({ type: 'error', id, message: `bad command: ${parsed.issues.map((i) => i.message).join('; ')}` });
      return;
    }
    this.#dispatch(parsed.output);
  }

  dispose(): void {
    this.#job = null;
    this.#yielder.dispose();
  }

  #dispatch(cmd: LabCommand): void {
    if (cmd.type === 'explore') {
      try {
        const { id, type: _type, ...input } = cmd;
        const d = computeExplorer(input);
        this.post({ type: 'explore-result', id, exact: d.exact, ideal: d.ideal, clipped: d.clipped, clipScale: d.clipScale, rho: d.rho });
      } catch (err) {
        this.post({ type: 'error', id: cmd.id, message: err instanceof Error ? err.message : String(err) });
      }
      return;
    }
    if (cmd.type === 'cancel') {
      if (this.#job?.id === cmd.id) {
        this.#job = null;
        this.post({ type: 'cancelled', id: cmd.id });
      }
      return;
    }
    if (this.#job) this.post({ type: 'cancelled', id: this.#job.id, replacedBy: cmd.type });
    const id = cmd.id;
    const start = this.now();
    const emit = (out: JobOutput) =>
      this.post({ ...out, id, ...(out.type === 'done' ? { durationMs: this.now() - start } : {}) } as LabEvent);
    const flushEvery = () => {
      if (this.now() - this.#lastTick < TICK_MS) return false;
      this.#lastTick = this.now();
      return true;
    };
    let gen: Job;
    try {
      gen = cmd.type === 'race' ? raceJob(cmd, emit, flushEvery) : cmd.type === 'horizon' ? horizonJob(cmd, emit) : bidirJob(cmd, emit);
    } catch (err) {
      this.post({ type: 'error', id, message: err instanceof Error ? err.message : String(err) });
      return;
    }
    this.#job = { id, gen, total: jobTotal(cmd), start, lastProgress: -Infinity };
    this.#schedule();
  }

  #schedule(): void {
    this.#yielder.schedule(() => this.#slice());
  }

  #slice(): void {
    const job = this.#job;
    if (!job) return;
    const t0 = this.now();
    try {
      while (this.now() - t0 < SLICE_MS) {
        const r = job.gen.next();
        if (r.done) {
          this.#finish(job);
          return;
        }
        if (this.now() - job.lastProgress >= PROGRESS_MS) {
          job.lastProgress = this.now();
          this.post({ type: 'progress', id: job.id, done: r.value, total: job.total, elapsedMs: job.lastProgress - job.start });
        }
        if (this.#job !== job) return;
      }
    } catch (err) {
      this.#job = null;
      const diverged = err instanceof DivergedError ? { cell: err.cell, quantity: err.quantity } : undefined;
      this.post({ type: 'error', id: job.id, message: err instanceof Error ? err.message : String(err), ...(diverged ? { diverged } : {}) });
      return;
    }
    if (this.#job === job) this.#schedule();
  }

  #finish(job: ActiveJob): void {
    this.#job = null;
    this.post({ type: 'progress', id: job.id, done: job.total, total: job.total, elapsedMs: this.now() - job.start });
  }
}
