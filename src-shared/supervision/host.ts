import * as v from 'valibot';
import { JobRunner } from '../jobs/job-runner';
import { isJobMessage } from '../protocol/job-messages';
import { SupervisorCommandSchema, assertNever, type SessionState, type TrainerEvent } from '../protocol/trainer-messages';
import { packedCheckpointBytes } from '../protocol/packed-checkpoint';
import type { PostEvent, TrainingSessionApi } from '../session/api';
import { systemTimers, type TimerHandle, type Timers } from './timers';
import type { TrainerTransport } from './transport';

/**
 * A trainer's whole job, independent of where it runs (the training thread of Electron's utility process, or the
 * browser's Web Worker) and how it is connected:
 * host one training session, feed it the stream, and keep the supervisor informed
 * (a heartbeat every `heartbeatMs`, during a long step too, a checkpoint every `checkpointMs` while training,
 * and one whenever the session changes state or is (re)configured, so a pause is never lost).
 * Beside the session it runs the job family (src-shared/jobs): messages of type 'job' on the same stream go to
 * the job runner, which trains in slices on this thread between the session's slices.
 *
 * Periodic checkpoints of big models are spaced out so that they copy at most CHECKPOINT_BYTES_PER_SECOND (2 MB/s) on
 * average: the largest model's checkpoint is about 46 MB, and every copy of it holds up the threads it passes.
 */
const CHECKPOINT_BYTES_PER_SECOND = 2 * 1024 * 1024;

/** Milliseconds until the next periodic checkpoint, given the size of the last one. */
export function checkpointInterval(baseMs: number, lastBytes: number): number {
  return Math.max(baseMs, Math.round((lastBytes / CHECKPOINT_BYTES_PER_SECOND) * 1000));
}

export interface TrainerHostOptions {
  heartbeatMs?: number;
  checkpointMs?: number;
  log?: (line: string) => void;
  /** Clock and timers (the host's own by default). */
  timers?: Timers;
}

export interface TrainerHost {
  readonly session: TrainingSessionApi;
  dispose(): void;
}

/** What the host gives the session it creates. */
export interface SessionHooks {
  /**
   * For the session to call while it computes (before every time step and block: see TrainingSessionOptions).
   * It sends a heartbeat when one is due, so a step that outlasts the supervisor's hang limit does not read as a
   * hang, while a thread that stops making progress (an endless loop, a stopped process) still goes silent.
   */
  readonly progress: () => void;
}

export function runTrainerHost(
  transport: TrainerTransport,
  createSession: (post: PostEvent, hooks: SessionHooks) => TrainingSessionApi,
  options: TrainerHostOptions = {},
): TrainerHost {
  const heartbeatMs = options.heartbeatMs ?? 500;
  const checkpointMs = options.checkpointMs ?? 2_000;
  const log = options.log ?? ((line: string) => console.error(`[trainer] ${line}`));
  const timers = options.timers ?? systemTimers;

  let session: TrainingSessionApi | null = null;
  let lastState: SessionState | null = null;
  let disposed = false;
  let lastBytes = 0;
  /** Step of the last checkpoint sent, or −1 (a 'training' flag update is enough when training starts there). */
  let lastSentStep = -1;

  const sendCheckpoint = (): void => {
    if (!session || disposed) return;
    try {
      const checkpoint = session.packedCheckpoint();
      if (!checkpoint) return;
      lastBytes = packedCheckpointBytes(checkpoint);
      lastSentStep = checkpoint.step;
      transport.sendControl({ type: 'checkpoint', checkpoint, training: session.isTraining });
    } catch (err) {
      log(`checkpoint failed: ${String(err)}`);
    }
  };

  // Deferred to a microtask: the session may still be inside the call that produced the event, and one
  // command often yields several (configure → 'configured' + 'status'), which then share one checkpoint.
  let checkpointQueued = false;
  const queueCheckpoint = (): void => {
    if (checkpointQueued) return;
    checkpointQueued = true;
    queueMicrotask(() => {
      checkpointQueued = false;
      sendCheckpoint();
    });
  };

  const post: PostEvent = (event: TrainerEvent) => {
    if (disposed) return;
    transport.postStream(event);
    if (event.type === 'status' && event.state !== lastState) {
      lastState = event.state;
      // Starting from where the last checkpoint stands changes nothing in it but the flag: say just that, rather
      // than copy the whole model again (46 MB for the largest) in the moments after the learner presses Train.
      if (event.state === 'training' && event.step === lastSentStep && !checkpointQueued) {
        transport.sendControl({ type: 'training', step: event.step });
      } else {
        queueCheckpoint();
      }
    } else if (event.type === 'configured') {
      queueCheckpoint();
    }
  };

  // Heartbeats: on a timer while the thread is free, and from inside a computation through `progress`, so their
  // spacing never depends on how long one training step takes (defect 1 of issue 14).
  let lastBeatAt = -Infinity;
  const beat = (): void => {
    lastBeatAt = timers.now();
    transport.sendControl({ type: 'heartbeat', at: lastBeatAt });
  };
  const progress = (): void => {
    if (!disposed && timers.now() - lastBeatAt >= heartbeatMs) beat();
  };

  session = createSession(post, { progress });
  const live = session;
  const jobs = new JobRunner((event) => {
    if (!disposed) transport.postStream({ type: 'job', event });
  });

  transport.onStream((raw) => {
    if (disposed) return;
    if (isJobMessage(raw)) jobs.handle(raw);
    else live.handle(raw);
  });

  transport.onControl((raw) => {
    if (disposed) return;
    const parsed = v.safeParse(SupervisorCommandSchema, raw);
    if (!parsed.success) {
      log(`ignored a bad supervisor command: ${parsed.issues[0]?.message ?? 'invalid'}`);
      return;
    }
    const command = parsed.output;
    switch (command.type) {
      case 'restore': {
        // The supervisor reports "restored step N" only once this answer says the checkpoint was adopted.
        const result = live.restore(command.checkpoint, command.resume);
        transport.sendControl({ type: 'restored', step: command.checkpoint.step, ...result });
        if (result.ok) sendCheckpoint();
        break;
      }
      case 'ping':
        transport.sendControl({ type: 'pong', id: command.id });
        break;
      default:
        assertNever(command);
    }
  });

  beat();
  const heartbeat = timers.setInterval(beat, heartbeatMs);
  let checkpoints: TimerHandle | null = null;
  const periodic = (): void => {
    if (disposed) return;
    if (live.isTraining) sendCheckpoint();
    checkpoints = timers.setTimeout(periodic, checkpointInterval(checkpointMs, lastBytes));
  };
  checkpoints = timers.setTimeout(periodic, checkpointMs);

  return {
    session: live,
    dispose() {
      disposed = true;
      timers.clearInterval(heartbeat);
      if (checkpoints) timers.clearTimeout(checkpoints);
      jobs.dispose();
      live.dispose();
    },
  };
}
