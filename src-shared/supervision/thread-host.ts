import type { SupervisorEvent, TrainerEvent } from '../protocol/trainer-messages';
import { checkpointTransferables } from '../protocol/packed-checkpoint';
import { createInterruptSignal } from '../session/interrupt-signal';
import { createTrainingSession } from '../session/training-session';
import { runTrainerHost, type TrainerHost, type TrainerHostOptions } from './host';
import { isThreadEnvelope, type ThreadData, type ThreadEnvelope } from './thread-envelope';
import { createInbox, type TrainerTransport } from './transport';

/** The host thread's end of its one port (a Node worker thread's parentPort, a Web Worker's global scope). */
export interface HostPort {
  postMessage(envelope: ThreadEnvelope, transfer: ArrayBuffer[]): void;
  onMessage(listener: (message: unknown) => void): void;
}

/**
 * The trainer host and the real training session on a thread of their own, talking to the side that relays for them
 * over one port of thread envelopes. Both shells run exactly this: the training thread of Electron's utility process
 * (src-main/trainer/trainer-thread.ts) and the browser's Web Worker (src-renderer/backend/trainer.worker.ts).
 * Heartbeats come from here, so a spinning or stuck training thread reads as a hung trainer to the supervisor.
 */
export function runThreadHost(port: HostPort, data: ThreadData, options: Pick<TrainerHostOptions, 'log' | 'timers'> = {}): TrainerHost {
  const control = createInbox();
  const stream = createInbox();
  port.onMessage((message) => {
    if (!isThreadEnvelope(message)) return;
    if (message.channel === 'control') control.deliver(message.data);
    else stream.deliver(message.data);
  });

  const transport: TrainerTransport = {
    onControl: (listener) => control.listen(listener),
    // A checkpoint is built fresh for each message: hand its buffers over instead of copying tens of megabytes.
    sendControl: (event: SupervisorEvent) =>
      port.postMessage({ channel: 'control', data: event }, event.type === 'checkpoint' ? checkpointTransferables(event.checkpoint) : []),
    onStream: (listener) => stream.listen(listener),
    postStream: (event: TrainerEvent) => port.postMessage({ channel: 'stream', data: event }, []),
  };

  const signal = data.interrupt ? createInterruptSignal(data.interrupt) : null;
  return runTrainerHost(transport, (post, hooks) => createTrainingSession(post, { ...hooks, signal }), {
    heartbeatMs: data.heartbeatMs,
    checkpointMs: data.checkpointMs,
    ...options,
  });
}
