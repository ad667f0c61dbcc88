import type { JobStreamCommand } from '../../src-shared/protocol/job-messages';
import type { TrainerCommand } from '../../src-shared/protocol/trainer-messages';
import { createInterruptSignal, relayWithInterrupt } from '../../src-shared/session/interrupt-signal';
import { isThreadEnvelope, type ThreadEnvelope, type ThreadStart } from '../../src-shared/supervision/thread-envelope';
import type { TrainerChild } from '../../src-shared/supervision/trainer-child';

/** The part of `Worker` the page uses (tests pass a fake). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<unknown>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror: ((e: MessageEvent<unknown>) => void) | null;
}

/** A Web Worker trainer as the shared supervisor sees it, plus the training stream on the same port. */
export interface WorkerTrainerChild extends TrainerChild {
  postStream(command: TrainerCommand | JobStreamCommand): void;
  onStream(listener: (raw: unknown) => void): void;
}

export interface WorkerTiming {
  readonly heartbeatMs: number;
  readonly checkpointMs: number;
}

/**
 * Wrap a freshly created trainer worker: send it its ThreadData (with an interrupt counter when the page may share
 * memory with it), split what it posts into the control channel (for the supervisor) and the stream (for the page),
 * and raise the interrupt counter before every command that cuts a training step short, as the trainer process's
 * relay thread does.
 */
export function createWorkerChild(worker: WorkerLike, timing: WorkerTiming): WorkerTrainerChild {
  const signal = canShareMemory() ? createInterruptSignal() : null;
  const start: ThreadStart = { channel: 'start', data: { interrupt: signal?.buffer ?? null, ...timing } };
  worker.postMessage(start);

  const control: ((raw: unknown) => void)[] = [];
  const stream: ((raw: unknown) => void)[] = [];
  const exits: ((reason: string) => void)[] = [];
  let gone: string | null = null;
  const exit = (reason: string): void => {
    if (gone !== null) return;
    gone = reason;
    for (const listener of exits) listener(reason);
  };

  worker.onmessage = (e) => {
    if (!isThreadEnvelope(e.data)) return;
    for (const listener of e.data.channel === 'control' ? control : stream) listener(e.data.data);
  };
  worker.onerror = (e) => {
    e.preventDefault?.();
    exit(`the training worker failed: ${e.message || 'unknown error'}`);
  };
  worker.onmessageerror = () => console.warn('RNN Lab: a trainer message could not be decoded');

  const post = (envelope: ThreadEnvelope) => worker.postMessage(envelope);
  const postStream = signal
    ? relayWithInterrupt(signal, (data) => post({ channel: 'stream', data }))
    : (data: unknown) => post({ channel: 'stream', data });

  return {
    pid: undefined,
    postMessage: (command) => post({ channel: 'control', data: command }),
    onMessage: (listener) => void control.push(listener),
    onExit(listener) {
      if (gone !== null) {
        const reason = gone;
        queueMicrotask(() => listener(reason));
      } else exits.push(listener);
    },
    kill: () => {
      worker.terminate();
      exit('terminated');
    },
    postStream,
    onStream: (listener) => void stream.push(listener),
  };
}

/** SharedArrayBuffer exists and may be posted to a worker (the page is cross-origin isolated). */
function canShareMemory(): boolean {
  return typeof SharedArrayBuffer === 'function' && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
}
