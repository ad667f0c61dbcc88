import type { JobStreamEvent } from '../protocol/job-messages';
import type { SupervisorEvent, TrainerEvent } from '../protocol/trainer-messages';

/** What the host posts on the training stream: the session's events and the job family's (job-messages.ts). */
export type StreamEvent = TrainerEvent | JobStreamEvent;

/**
 * How the trainer host talks to the outside world. Implementations:
 * - the relay of the trainer process towards main: `process.parentPort` and a transferred MessagePort in Electron
 *   (src-main/trainer/parent-port-transport.ts), the IPC channel and a socket in the Node tests (node-child.ts);
 * - the training thread of the trainer process (src-main/trainer/trainer-thread.ts): both channels over its port
 *   to the process's main thread, which relays them to main (control) and the renderer (stream);
 * - the browser's Web Worker (src-renderer/backend/trainer.worker.ts): both channels over the worker's port to the
 *   page, as thread envelopes.
 */
export interface TrainerTransport {
  /** Supervision messages from main, unvalidated (the host validates them). */
  onControl(listener: (raw: unknown) => void): void;
  sendControl(event: SupervisorEvent): void;
  /** Raw training-stream messages from the renderer, unvalidated (the session validates them). */
  onStream(listener: (raw: unknown) => void): void;
  postStream(event: StreamEvent): void;
}

/**
 * A listener slot that keeps what arrives before anyone listens: the supervisor sends 'restore' right
 * after spawning, possibly before the host has subscribed.
 */
export interface Inbox {
  deliver(raw: unknown): void;
  listen(listener: (raw: unknown) => void): void;
}

export function createInbox(limit = 1_000): Inbox {
  let listener: ((raw: unknown) => void) | null = null;
  const early: unknown[] = [];
  return {
    deliver(raw) {
      if (listener) listener(raw);
      else if (early.length < limit) early.push(raw);
    },
    listen(next) {
      listener = next;
      for (const raw of early.splice(0)) next(raw);
    },
  };
}
