import type { JobEvent, JobRequest } from '../../src-shared/protocol/job-messages';
import type { JobOutput } from '../../src-shared/jobs/jobs';
import type { JobHandle, JobListener, JobsApi } from '../backend/backend';

interface StartedJob {
  readonly id: number;
  readonly request: JobRequest;
  readonly listener: JobListener;
}

/**
 * A JobsApi for tests: records every job started, cancelled, paused and resumed, and lets a test play the trainer
 * host. Unlike the real channel it keeps delivering to a cancelled job's listener, so tests can check that stale
 * events are ignored.
 */
export class FakeJobs implements JobsApi {
  readonly started: StartedJob[] = [];
  readonly cancelled: number[] = [];
  readonly paused: number[] = [];
  readonly resumed: number[] = [];
  #nextId = 1;

  start(request: JobRequest, listener: JobListener): JobHandle {
    const id = this.#nextId++;
    this.started.push({ id, request, listener });
    return {
      id,
      cancel: () => void this.cancelled.push(id),
      pause: () => void this.paused.push(id),
      resume: () => void this.resumed.push(id),
    };
  }

  /** The id of the latest job started. */
  get lastId(): number {
    return this.started.at(-1)?.id ?? -1;
  }

  /** Deliver one event of job `id` (the latest job by default), as the host would. */
  emit(out: JobOutput, id = this.lastId): void {
    const job = this.started.find((j) => j.id === id);
    if (!job) throw new Error(`no job ${id}`);
    job.listener({ ...out, id } as JobEvent);
  }
}
