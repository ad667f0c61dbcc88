import type { JobStreamEvent } from '../../src-shared/protocol/job-messages';
import type { SupervisorEvent, TrainerEvent } from '../../src-shared/protocol/trainer-messages';

/** What the host posts on the training stream: the session's events and the job family's (job-messages.ts). */
export type StreamEvent = TrainerEvent | JobStreamEvent;

/**
 * How the trainer host talks to the outside world. Two implementations:
 * - Electron utility process: control over `process.parentPort`, the stream over a transferred MessagePort;
 * - Node child (tests): control over the `process.send` channel, the stream over a socket on fd 4.
 */
export interface TrainerTransport {
  /** Supervision messages from main, unvalidated (the host validates them). */
  onControl(listener: (raw: unknown) => void): void;
  sendControl(event: SupervisorEvent): void;
  /** Raw training-stream messages from the renderer, unvalidated (the session validates them). */
  onStream(listener: (raw: unknown) => void): void;
  postStream(event: StreamEvent): void;
}

/** Main → trainer: "the MessagePort for the training stream rides along with this message". */
export const PORT_MESSAGE = { type: 'port' } as const;

export function isPortMessage(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === PORT_MESSAGE.type;
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
