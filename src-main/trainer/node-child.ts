import { Socket } from 'node:net';
import { Worker } from 'node:worker_threads';
import { framedChannel, STREAM_FD } from './framed-socket';
import { runTrainerInThread, type StartThread } from './thread-relay';
import { createInbox, type StreamEvent, type TrainerTransport } from '../../src-shared/supervision/transport';

/**
 * The trainer as a plain Node child (child_process.fork): the same relay and training thread as the utility
 * process. Supervision runs on the IPC channel (as on Electron's parentPort); the training stream has a socket of
 * its own on fd 4 (as it has a MessagePort of its own in the app). Used by the supervision tests. The thread runs
 * trainer-thread.ts through tsx-thread.mjs, which registers tsx inside the thread.
 */
const send = process.send?.bind(process);
if (!send) {
  console.error('[trainer] node-child must be started with child_process.fork');
  process.exit(2);
}

const control = createInbox();
process.on('message', (message: unknown) => control.deliver(message));
// The parent is gone: nobody will ever read our output.
process.on('disconnect', () => process.exit(0));

const stream = createInbox();
const channel = framedChannel(new Socket({ fd: STREAM_FD, readable: true, writable: true }));
channel.onMessage((message) => stream.deliver(message));

const transport: TrainerTransport = {
  onControl: (listener) => control.listen(listener),
  sendControl: (event) => void send(event),
  onStream: (listener) => stream.listen(listener),
  postStream: (event: StreamEvent) => channel.send(event),
};

const tsxThread: StartThread = (data, resourceLimits) =>
  new Worker(new URL('./tsx-thread.mjs', import.meta.url), {
    workerData: { ...data, tsEntry: new URL('./trainer-thread.ts', import.meta.url).href },
    resourceLimits,
  });

runTrainerInThread(transport, tsxThread, {
  heartbeatMs: Number(process.env.RNN_LAB_HEARTBEAT_MS) || 500,
  checkpointMs: Number(process.env.RNN_LAB_CHECKPOINT_MS) || 2_000,
});
