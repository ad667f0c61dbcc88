import type { TrainerHealth } from '../../src-shared/protocol/ipc-contract';
import { interruptsTraining, type TrainerCommand, type TrainerEvent } from '../../src-shared/protocol/trainer-messages';
import { createInterruptSignal, type InterruptSignal } from '../../src-shared/session/interrupt-signal';
import { Listeners, type TrainerStream } from './backend';
import { acceptTrainerEvent } from './event-guard';
import type { WorkerCheckpointMessage, WorkerInterruptMessage, WorkerRestoreMessage } from './trainer.worker';

/** The part of `Worker` the supervisor uses (tests pass a fake). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror: ((e: MessageEvent<unknown>) => void) | null;
}

export interface SupervisorOptions {
  createWorker: () => WorkerLike;
  /** How often to ask for a checkpoint while training. */
  snapshotIntervalMs?: number;
  /** Give up after this many crashes within `restartWindowMs`. */
  maxRestarts?: number;
  restartWindowMs?: number;
}

/** Snapshot ids at or above this are the supervisor's own and are not forwarded to the page. */
export const SUPERVISOR_SNAPSHOT_BASE = 1_000_000_000;

function isCheckpointMessage(x: unknown): x is WorkerCheckpointMessage {
  if (typeof x !== 'object' || x === null) return false;
  const m = x as Partial<WorkerCheckpointMessage>;
  return m.type === 'host:checkpoint' && typeof m.json === 'string' && typeof m.step === 'number';
}

/**
 * The browser's training stream: one worker at a time. While a run is training it keeps the latest
 * checkpoint; when the worker dies it starts a new one, restores that checkpoint (or replays the last
 * 'configure' if none was taken yet) and reports a 'restarted' health event.
 */
export class WorkerTrainerStream implements TrainerStream {
  readonly #events = new Listeners<TrainerEvent>();
  readonly #health = new Listeners<TrainerHealth>();
  readonly #opts: Required<SupervisorOptions>;
  #worker: WorkerLike | null;
  /** The latest checkpoint as JSON text: the page never parses it, only hands it back on a restart. */
  #checkpoint: { step: number; json: string } | null = null;
  #lastConfigure: Extract<TrainerCommand, { type: 'configure' }> | null = null;
  #training = false;
  #crashes: number[] = [];
  #nextSnapshotId = SUPERVISOR_SNAPSHOT_BASE;
  #timer: ReturnType<typeof setInterval> | null = null;
  /** The current worker's interrupt counter, when the page may share memory with it (cross-origin isolated). */
  #signal: InterruptSignal | null = null;

  constructor(opts: SupervisorOptions) {
    this.#opts = { snapshotIntervalMs: 3000, maxRestarts: 5, restartWindowMs: 60_000, ...opts };
    this.#worker = this.#spawn();
  }

  /** Step and JSON of the checkpoint a restart would restore (for tests and diagnostics). */
  get lastCheckpoint(): { step: number; json: string } | null {
    return this.#checkpoint;
  }

  send(cmd: TrainerCommand): void {
    if (cmd.type === 'configure') {
      this.#lastConfigure = cmd;
      this.#checkpoint = null;
    } else if (cmd.type === 'reset') {
      this.#checkpoint = null;
    } else if (cmd.type === 'restore') {
      // A reopened run: a restart before the next periodic checkpoint must come back to it, not to the last configure.
      this.#checkpoint = { step: cmd.checkpoint.step, json: JSON.stringify(cmd.checkpoint) };
    }
    this.#post(cmd);
  }

  /** Every command goes through here: those that interrupt training raise the counter first. */
  #post(cmd: TrainerCommand): void {
    if (this.#signal && interruptsTraining(cmd)) this.#signal.request();
    this.#worker?.postMessage(cmd);
  }

  onEvent(listener: (event: TrainerEvent) => void): () => void {
    return this.#events.add(listener);
  }

  onHealth(listener: (health: TrainerHealth) => void): () => void {
    return this.#health.add(listener);
  }

  dispose(): void {
    this.#setTraining(false);
    this.#worker?.terminate();
    this.#worker = null;
    this.#events.clear();
    this.#health.clear();
  }

  #spawn(): WorkerLike {
    const worker = this.#opts.createWorker();
    this.#signal = canShareMemory() ? createInterruptSignal() : null;
    if (this.#signal) worker.postMessage({ type: 'host:interrupt', buffer: this.#signal.buffer } satisfies WorkerInterruptMessage);
    worker.onmessage = (e) => {
      if (worker !== this.#worker) return;
      if (isCheckpointMessage(e.data)) this.#checkpoint = { step: e.data.step, json: e.data.json };
      else acceptTrainerEvent(e.data, this.#onEvent);
    };
    worker.onerror = (e) => {
      e.preventDefault?.();
      if (worker === this.#worker) this.#restart(e.message || 'the training worker crashed');
    };
    worker.onmessageerror = () => console.warn('RNN Lab: a trainer message could not be decoded');
    return worker;
  }

  #onEvent = (event: TrainerEvent): void => {
    switch (event.type) {
      case 'status':
        this.#setTraining(event.state === 'training');
        break;
      case 'diverged':
        this.#setTraining(false);
        break;
      default:
        break;
    }
    this.#events.emit(event);
  };

  #setTraining(training: boolean): void {
    this.#training = training;
    if (training && this.#timer === null) {
      this.#timer = setInterval(() => this.#requestSnapshot(), this.#opts.snapshotIntervalMs);
    } else if (!training && this.#timer !== null) {
      clearInterval(this.#timer);
      this.#timer = null;
      this.#requestSnapshot(); // keep the paused state too
    }
  }

  #requestSnapshot(): void {
    this.#post({ type: 'snapshot', requestId: this.#nextSnapshotId++ });
  }

  #restart(reason: string): void {
    const now = Date.now();
    this.#crashes = this.#crashes.filter((t) => now - t < this.#opts.restartWindowMs);
    this.#worker?.terminate();
    this.#worker = null;
    const resume = this.#training;
    this.#setTraining(false);
    if (this.#crashes.length >= this.#opts.maxRestarts) {
      this.#health.emit({ kind: 'gave-up', reason });
      return;
    }
    this.#crashes.push(now);
    const worker = this.#spawn();
    this.#worker = worker;
    const cp = this.#checkpoint;
    if (cp) {
      worker.postMessage({ type: 'host:restore', json: cp.json, resume } satisfies WorkerRestoreMessage);
    } else if (this.#lastConfigure) {
      this.#post(this.#lastConfigure);
      if (resume) this.#post({ type: 'start' });
    }
    this.#health.emit({ kind: 'restarted', attempt: this.#crashes.length, reason, restoredStep: cp ? cp.step : null });
  }
}

/** SharedArrayBuffer exists and may be posted to a worker (the page is cross-origin isolated). */
function canShareMemory(): boolean {
  return typeof SharedArrayBuffer === 'function' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
}
