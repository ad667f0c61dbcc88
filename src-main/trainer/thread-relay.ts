import { getHeapStatistics } from 'node:v8';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { SupervisorEvent, TrainerEvent } from '../../src-shared/protocol/trainer-messages';
import { createInterruptSignal, relayWithInterrupt } from '../../src-shared/session/interrupt-signal';
import { isThreadEnvelope, type ThreadData, type ThreadEnvelope } from './thread-envelope';
import type { TrainerTransport } from './transport';

export interface ThreadRelayOptions {
  heartbeatMs?: number;
  checkpointMs?: number;
  log?: (line: string) => void;
}

/** Starts the training thread with its data and heap cap (the built file in the app, a tsx bootstrap in tests). */
export type StartThread = (data: ThreadData, resourceLimits: ResourceLimits) => Worker;

/** The app's training thread: out/main/trainer-thread.js beside the entry that calls this. */
export function builtThread(entry: URL): StartThread {
  return (data, resourceLimits) => new Worker(entry, { workerData: data, resourceLimits });
}

/**
 * The trainer process's main thread: it only relays. Training runs in a worker thread (trainer-thread.ts), so this
 * thread is free the moment a command arrives; for pause, stop, reset, configure and step it raises the shared
 * interrupt counter before forwarding, and the engine abandons its step at the next time step instead of finishing
 * it. Pause/stop latency is then one time step, whatever the model's size or the batch.
 *
 * The thread gets this process's heap cap. If it dies, so does the process: the supervisor restarts the trainer
 * from its last checkpoint, as for any crash.
 */
export function runTrainerInThread(outer: TrainerTransport, start: StartThread, options: ThreadRelayOptions = {}): Worker {
  const log = options.log ?? ((line: string) => console.error(`[trainer] ${line}`));
  const signal = createInterruptSignal();
  const data: ThreadData = {
    interrupt: signal.buffer,
    heartbeatMs: options.heartbeatMs ?? 500,
    checkpointMs: options.checkpointMs ?? 2_000,
  };
  const heapMb = Math.floor(getHeapStatistics().heap_size_limit / (1024 * 1024));
  const worker = start(data, { maxOldGenerationSizeMb: heapMb });

  const send = (envelope: ThreadEnvelope) => worker.postMessage(envelope);
  outer.onControl((raw) => send({ channel: 'control', data: raw }));
  outer.onStream(relayWithInterrupt(signal, (raw) => send({ channel: 'stream', data: raw })));
  worker.on('message', (message: unknown) => {
    if (!isThreadEnvelope(message)) return;
    // The host in the thread produced these; they pass through unchanged.
    if (message.channel === 'control') outer.sendControl(message.data as SupervisorEvent);
    else outer.postStream(message.data as TrainerEvent);
  });
  worker.on('error', (err) => {
    log(`training thread failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  });
  worker.on('exit', (code) => {
    log(`training thread exited with code ${code}`);
    process.exit(code === 0 ? 1 : code);
  });
  return worker;
}
