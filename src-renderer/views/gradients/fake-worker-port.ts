/**
 * A stand-in for the lab worker, for tests that drive the real LabClient: records what the page posts and lets the
 * test play the worker's replies (validated by the client as real ones are) or crash it.
 */
import type { WorkerPort } from './lab-client';

export class FakeWorkerPort implements WorkerPort {
  readonly posted: unknown[] = [];
  terminated = false;
  #onMessage: ((e: MessageEvent<unknown>) => void) | null = null;
  #onError: ((e: ErrorEvent) => void) | null = null;

  postMessage(msg: unknown): void {
    this.posted.push(msg);
  }

  addEventListener(type: 'message', fn: (e: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
  addEventListener(type: 'message' | 'error', fn: ((e: MessageEvent<unknown>) => void) | ((e: ErrorEvent) => void)): void {
    if (type === 'message') this.#onMessage = fn as (e: MessageEvent<unknown>) => void;
    else this.#onError = fn as (e: ErrorEvent) => void;
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Deliver one raw message from the worker. */
  deliver(data: unknown): void {
    this.#onMessage?.({ data } as MessageEvent<unknown>);
  }

  crash(message: string): void {
    this.#onError?.({ message } as ErrorEvent);
  }
}
