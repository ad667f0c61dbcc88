/**
 * A lab client for tests: records every job started and cancelled, and lets a test play the worker. Unlike the real
 * client it keeps delivering to a cancelled job's listener, so tests can check that stale events are ignored.
 */
import type { JobClient } from './job-state.svelte';
import type { JobOutput } from './jobs';
import type { JobRequest } from './lab-client';
import type { LabEvent } from './lab-messages';

interface StartedJob {
  readonly id: number;
  readonly request: JobRequest;
  readonly listener: (e: LabEvent) => void;
}

export class FakeLabClient implements JobClient {
  readonly started: StartedJob[] = [];
  readonly cancelled: number[] = [];
  #nextId = 1;

  start(request: JobRequest, listener: (e: LabEvent) => void): number {
    const id = this.#nextId++;
    this.started.push({ id, request, listener });
    return id;
  }

  cancel(id: number): void {
    this.cancelled.push(id);
  }

  /** The id of the latest job started. */
  get lastId(): number {
    return this.started.at(-1)?.id ?? -1;
  }

  /** Deliver one event of job `id` (the latest job by default), as the worker would. */
  emit(out: JobOutput, id = this.lastId): void {
    const job = this.started.find((j) => j.id === id);
    if (!job) throw new Error(`no job ${id}`);
    job.listener({ ...out, id } as LabEvent);
  }
}
