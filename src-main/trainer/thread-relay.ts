import { getHeapStatistics } from 'node:v8';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { SupervisorEvent } from '../../src-shared/protocol/trainer-messages';
import { createInterruptSignal, relayWithInterrupt } from '../../src-shared/session/interrupt-signal';
import { createTrainingSession } from '../../src-shared/session/training-session';
import { runTrainerHost, type TrainerHost } from '../../src-shared/supervision/host';
import { isThreadEnvelope, type ThreadData, type ThreadEnvelope } from '../../src-shared/supervision/thread-envelope';
import type { StreamEvent, TrainerTransport } from '../../src-shared/supervision/transport';

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
 * from its last checkpoint, as for any crash. If it cannot start at all (it fails before saying anything), the
 * host runs on this thread instead, with what was sent meanwhile replayed: training works as before threads,
 * commands taking effect between steps, and the log says why.
 */
/** Returns a function that stops the trainer (the thread, or the in-process host), for tests. */
export function runTrainerInThread(outer: TrainerTransport, start: StartThread, options: ThreadRelayOptions = {}): () => void {
  const log = options.log ?? ((line: string) => console.error(`[trainer] ${line}`));
  const signal = createInterruptSignal();
  const data: ThreadData = {
    interrupt: signal.buffer,
    heartbeatMs: options.heartbeatMs ?? 500,
    checkpointMs: options.checkpointMs ?? 2_000,
  };
  const heapMb = Math.floor(getHeapStatistics().heap_size_limit / (1024 * 1024));
  let worker: Worker;
  try {
    worker = start(data, { maxOldGenerationSizeMb: heapMb });
  } catch (err) {
    const host = runInProcess(outer, [], data, log, err);
    return () => host.dispose();
  }
  let host: TrainerHost | null = null;

  /** What was sent before the thread's first word, kept for the in-process fallback. */
  let early: ThreadEnvelope[] | null = [];
  let fellBack = false;
  const send = (envelope: ThreadEnvelope) => {
    if (fellBack) return;
    early?.push(envelope);
    worker.postMessage(envelope);
  };
  outer.onControl((raw) => send({ channel: 'control', data: raw }));
  outer.onStream(relayWithInterrupt(signal, (raw) => send({ channel: 'stream', data: raw })));
  worker.on('message', (message: unknown) => {
    early = null;
    if (!isThreadEnvelope(message)) return;
    // The host in the thread produced these; they pass through unchanged.
    if (message.channel === 'control') outer.sendControl(message.data as SupervisorEvent);
    else outer.postStream(message.data as StreamEvent);
  });
  worker.on('error', (err) => {
    if (early !== null) {
      fellBack = true;
      void worker.terminate();
      host = runInProcess(outer, early, data, log, err);
      return;
    }
    log(`training thread failed: ${describe(err)}`);
    process.exit(1);
  });
  worker.on('exit', (code) => {
    if (fellBack) return;
    log(`training thread exited with code ${code}`);
    process.exit(code === 0 ? 1 : code);
  });
  return () => {
    fellBack = true;
    worker.removeAllListeners('exit');
    void worker.terminate();
    host?.dispose();
  };
}

/** The host on this thread, fed first with what the failed thread was sent. */
function runInProcess(outer: TrainerTransport, early: readonly ThreadEnvelope[], data: ThreadData, log: (line: string) => void, why: unknown): TrainerHost {
  log(`training thread could not start (${describe(why)}); training on the main thread, commands wait for the current step`);
  const replay = (channel: ThreadEnvelope['channel'], listener: (raw: unknown) => void) => {
    for (const envelope of early) if (envelope.channel === channel) listener(envelope.data);
  };
  const transport: TrainerTransport = {
    ...outer,
    onControl: (listener) => {
      outer.onControl(listener);
      replay('control', listener);
    },
    onStream: (listener) => {
      outer.onStream(listener);
      replay('stream', listener);
    },
  };
  return runTrainerHost(transport, createTrainingSession, { heartbeatMs: data.heartbeatMs, checkpointMs: data.checkpointMs, log });
}

function describe(err: unknown): string {
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
