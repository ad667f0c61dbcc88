import type { TrainerEvent } from '../../src-shared/protocol/trainer-messages';
import { createTrainingSession } from '../../src-shared/session/training-session';
import { runTrainerHost } from './host';
import { createInbox, isStreamEnvelope, type StreamEnvelope, type TrainerTransport } from './transport';

/**
 * The trainer as a plain Node child (child_process.fork): the same host as the utility process, with the
 * stream multiplexed on the IPC channel as `{ type: 'stream', data }`. Used by the supervision tests.
 */
const send = process.send?.bind(process);
if (!send) {
  console.error('[trainer] node-child must be started with child_process.fork');
  process.exit(2);
}

const control = createInbox();
const stream = createInbox();
process.on('message', (message: unknown) => {
  if (isStreamEnvelope(message)) stream.deliver(message.data);
  else control.deliver(message);
});
// The parent is gone: nobody will ever read our output.
process.on('disconnect', () => process.exit(0));

const transport: TrainerTransport = {
  onControl: (listener) => control.listen(listener),
  sendControl: (event) => void send(event),
  onStream: (listener) => stream.listen(listener),
  postStream: (event: TrainerEvent) => void send({ type: 'stream', data: event } satisfies StreamEnvelope),
};

runTrainerHost(transport, createTrainingSession, {
  heartbeatMs: Number(process.env.RNN_LAB_HEARTBEAT_MS) || 500,
  checkpointMs: Number(process.env.RNN_LAB_CHECKPOINT_MS) || 2_000,
});
