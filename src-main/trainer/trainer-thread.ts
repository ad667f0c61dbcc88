import { parentPort, workerData } from 'node:worker_threads';
import type { SupervisorEvent } from '../../src-shared/protocol/trainer-messages';
import { checkpointTransferables } from '../../src-shared/protocol/packed-checkpoint';
import { createInterruptSignal } from '../../src-shared/session/interrupt-signal';
import { createTrainingSession } from '../../src-shared/session/training-session';
import { runTrainerHost } from './host';
import type { ThreadData, ThreadEnvelope } from './thread-envelope';
import { isThreadEnvelope } from './thread-envelope';
import { createInbox, type StreamEvent, type TrainerTransport } from './transport';

/**
 * The training thread of the trainer process (out/main/trainer-thread.js; trainer-thread.ts under tsx in the Node
 * tests): the host and the training session, exactly as they would run in a process of their own, talking to the
 * process's main thread (thread-relay.ts) over one port. Heartbeats come from here, so a spinning or stuck training
 * thread still reads as a hung trainer to the supervisor.
 */
const port = parentPort;
if (!port) {
  console.error('[trainer] trainer-thread must run in a worker thread');
  process.exit(2);
}
const data = workerData as ThreadData;

const control = createInbox();
const stream = createInbox();
port.on('message', (message: unknown) => {
  if (!isThreadEnvelope(message)) return;
  if (message.channel === 'control') control.deliver(message.data);
  else stream.deliver(message.data);
});

const send = (envelope: ThreadEnvelope, transfer: ArrayBuffer[] = []) => port.postMessage(envelope, transfer);
const transport: TrainerTransport = {
  onControl: (listener) => control.listen(listener),
  // A checkpoint is built fresh for each message: hand its buffers over instead of copying tens of megabytes.
  sendControl: (event: SupervisorEvent) =>
    send({ channel: 'control', data: event }, event.type === 'checkpoint' ? checkpointTransferables(event.checkpoint) : []),
  onStream: (listener) => stream.listen(listener),
  postStream: (event: StreamEvent) => send({ channel: 'stream', data: event }),
};

const signal = createInterruptSignal(data.interrupt);
runTrainerHost(transport, (post) => createTrainingSession(post, undefined, signal), {
  heartbeatMs: data.heartbeatMs,
  checkpointMs: data.checkpointMs,
});
