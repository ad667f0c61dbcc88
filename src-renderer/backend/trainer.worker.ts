/**
 * The browser build's trainer: a module Web Worker hosting the shared training session.
 * It forwards every stream message to the session. Two host-only messages serve the page's supervisor:
 * its own snapshots come back as JSON text (a string crosses to the page as one copy, while a structured
 * clone of a long history would be rebuilt object by object on the UI thread), and a restore after a crash.
 * Beside the session it runs the job family (src-shared/jobs), as the desktop trainer host does: messages of type
 * 'job' go to the job runner, which trains in slices between the session's.
 */
import * as v from 'valibot';
import { JobRunner } from '../../src-shared/jobs/job-runner';
import { isJobMessage, type JobStreamEvent } from '../../src-shared/protocol/job-messages';
import { createInterruptSignal, type SessionInterrupt } from '../../src-shared/session/interrupt-signal';
import { createTrainingSession } from '../../src-shared/session/training-session';
import { describeIssues } from '../../src-shared/protocol/documents';
import { CheckpointSchema, type TrainerEvent } from '../../src-shared/protocol/trainer-messages';
import { SUPERVISOR_SNAPSHOT_BASE } from './worker-supervisor';

/** Worker → page: the supervisor's own snapshot, as the JSON text of a Checkpoint. */
export interface WorkerCheckpointMessage {
  type: 'host:checkpoint';
  requestId: number;
  step: number;
  json: string;
}

/**
 * Page → worker, first of all when the page is cross-origin isolated: the interrupt counter the page raises
 * before pause, stop and the like (session/interrupt-signal.ts), so the running step is cut short.
 */
export interface WorkerInterruptMessage {
  type: 'host:interrupt';
  buffer: SharedArrayBuffer;
}

/** Page → worker: continue a run in this fresh worker from a checkpoint's JSON text. */
export interface WorkerRestoreMessage {
  type: 'host:restore';
  json: string;
  resume: boolean;
}

const WorkerRestoreSchema = v.strictObject({ type: v.literal('host:restore'), json: v.string(), resume: v.boolean() });

function post(event: TrainerEvent): void {
  if (event.type === 'snapshot' && event.requestId >= SUPERVISOR_SNAPSHOT_BASE) {
    const json = JSON.stringify(event.checkpoint);
    self.postMessage({ type: 'host:checkpoint', requestId: event.requestId, step: event.checkpoint.step, json } satisfies WorkerCheckpointMessage);
    return;
  }
  self.postMessage(event);
}

function restore(raw: unknown): void {
  const msg = v.safeParse(WorkerRestoreSchema, raw);
  if (!msg.success) {
    post({ type: 'error', code: 'bad-message', message: `cannot restore: ${describeIssues(msg.issues)}` });
    return;
  }
  let data: unknown;
  try {
    data = JSON.parse(msg.output.json);
  } catch {
    post({ type: 'error', code: 'bad-message', message: 'cannot restore: the checkpoint is not valid JSON' });
    return;
  }
  const checkpoint = v.safeParse(CheckpointSchema, data);
  if (checkpoint.success) session.restore(checkpoint.output, msg.output.resume);
  else post({ type: 'error', code: 'bad-message', message: `cannot restore: ${describeIssues(checkpoint.issues)}` });
}

/** Set by 'host:interrupt' (absent without cross-origin isolation: commands then wait for the current step). */
let signal: SessionInterrupt | null = null;
const session = createTrainingSession(post, undefined, {
  acknowledge: () => signal?.acknowledge(),
  pending: () => signal?.pending() ?? false,
});

const jobs = new JobRunner((event) => self.postMessage({ type: 'job', event } satisfies JobStreamEvent));

self.addEventListener('message', (e: MessageEvent<unknown>) => {
  const data = e.data;
  if (isJobMessage(data)) {
    jobs.handle(data);
    return;
  }
  const type = typeof data === 'object' && data !== null ? (data as { type?: unknown }).type : undefined;
  if (type === 'host:restore') restore(data);
  else if (type === 'host:interrupt') {
    const buffer = (data as { buffer?: unknown }).buffer;
    if (typeof SharedArrayBuffer === 'function' && buffer instanceof SharedArrayBuffer) signal = createInterruptSignal(buffer);
  } else session.handle(data);
});
