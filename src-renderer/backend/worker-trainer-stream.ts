import type { TrainerHealth } from '../../src-shared/protocol/ipc-contract';
import { isJobMessage, type JobStreamCommand } from '../../src-shared/protocol/job-messages';
import type { TrainerCommand, TrainerEvent } from '../../src-shared/protocol/trainer-messages';
import { TrainerSupervisor, type SavedCheckpoint, type SupervisorOptions } from '../../src-shared/supervision/supervisor';
import { Listeners, type JobLink, type TrainerStream } from './backend';
import { acceptTrainerEvent } from './accept-event';
import { createWorkerChild, type WorkerLike, type WorkerTiming, type WorkerTrainerChild } from './worker-child';

export interface WorkerStreamOptions extends Partial<WorkerTiming>, Omit<SupervisorOptions<WorkerTrainerChild>, 'spawn' | 'onHealth' | 'onChild'> {
  createWorker: () => WorkerLike;
}

/**
 * The browser's training stream: the shared supervisor (src-shared/supervision/supervisor.ts) keeping one trainer Web
 * Worker alive, with the same policy as Electron main: hang detection by heartbeat, 'crashed' / 'restarted' /
 * 'gave-up' health, exponential backoff, and a restart from the last packed checkpoint the worker sent on its control
 * channel. Commands sent while a replacement is on its way wait for it and follow its restore.
 */
export class WorkerTrainerStream implements TrainerStream, JobLink {
  readonly #events = new Listeners<TrainerEvent>();
  readonly #jobMessages = new Listeners<unknown>();
  readonly #health = new Listeners<TrainerHealth>();
  readonly #supervisor: TrainerSupervisor<WorkerTrainerChild>;
  #queue: (TrainerCommand | JobStreamCommand)[] = [];

  constructor({ createWorker, heartbeatMs = 500, checkpointMs = 2_000, ...policy }: WorkerStreamOptions) {
    this.#supervisor = new TrainerSupervisor<WorkerTrainerChild>({
      log: (line) => console.warn(`RNN Lab: ${line}`),
      ...policy,
      spawn: () => createWorkerChild(createWorker(), { heartbeatMs, checkpointMs }),
      onHealth: (health) => this.#health.emit(health),
      onChild: (child) => {
        child.onStream((raw) => {
          if (child !== this.#supervisor.child) return;
          if (isJobMessage(raw)) this.#jobMessages.emit(raw);
          else acceptTrainerEvent(raw, (event) => this.#events.emit(event));
        });
        for (const cmd of this.#queue.splice(0)) child.postStream(cmd);
      },
    });
    this.#supervisor.start();
  }

  /** What a restart would restore (for tests and diagnostics). */
  get lastCheckpoint(): SavedCheckpoint | null {
    return this.#supervisor.lastCheckpoint;
  }

  send(cmd: TrainerCommand): void {
    this.#post(cmd);
  }

  /** Job commands go to the same worker; a worker's death ends its jobs through the health events. */
  sendJob(cmd: JobStreamCommand): void {
    this.#post(cmd);
  }

  onJobMessage(listener: (raw: unknown) => void): () => void {
    return this.#jobMessages.add(listener);
  }

  #post(cmd: TrainerCommand | JobStreamCommand): void {
    const child = this.#supervisor.child;
    if (child) child.postStream(cmd);
    else if (this.#supervisor.state === 'restarting') this.#queue.push(cmd);
  }

  onEvent(listener: (event: TrainerEvent) => void): () => void {
    return this.#events.add(listener);
  }

  onHealth(listener: (health: TrainerHealth) => void): () => void {
    return this.#health.add(listener);
  }

  dispose(): void {
    this.#supervisor.stop();
    this.#queue = [];
    this.#events.clear();
    this.#jobMessages.clear();
    this.#health.clear();
  }
}
