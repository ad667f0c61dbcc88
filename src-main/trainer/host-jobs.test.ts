import { afterEach, describe, expect, it } from 'vitest';
import type { JobEvent, JobRequest, JobStreamEvent } from '../../src-shared/protocol/job-messages';
import type { TrainerEvent } from '../../src-shared/protocol/trainer-messages';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import { createTrainingSession } from '../../src-shared/session/training-session';
import type { TrainerSupervisor } from '../../src-shared/supervision/supervisor';
import { runTrainerHost, type TrainerHost } from '../../src-shared/supervision/host';
import type { NodeTrainerChild } from './node-spawn';
import { superviseNodeTrainers, until } from './supervision-harness';
import type { StreamEvent, TrainerTransport } from '../../src-shared/supervision/transport';

/**
 * The trainer host's second command family: jobs on the training stream, beside the Lab's session. In-process
 * with the real session for the interleaving, and through a real trainer process (relay thread, training thread,
 * supervisor) for the wire and for a crash in the middle of a job.
 */

const RACE: JobRequest = {
  type: 'race', task: 'sentiment', taskParams: { gap: 10 }, cells: ['rnn', 'lstm', 'gru'], steps: 5000,
  hiddenSize: 24, batchSize: 32, learningRate: 0.01, seed: 3,
};
const SMALL = { ...DEFAULT_CONFIG, hiddenSize: 32, batchSize: 16 };

function memoryTransport() {
  let stream: (raw: unknown) => void = () => {};
  const events: TrainerEvent[] = [];
  const jobs: JobEvent[] = [];
  const transport: TrainerTransport = {
    onControl: () => {},
    sendControl: () => {},
    onStream: (l) => void (stream = l),
    postStream: (e: StreamEvent) => {
      if (e.type === 'job') {
        jobs.push(e.event);
        return;
      }
      events.push(e);
      if (e.type === 'stats') queueMicrotask(() => stream({ type: 'ack', seq: e.seq }));
    },
  };
  return { transport, events, jobs, stream: (raw: unknown) => stream(raw) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The session's latest step, from its stats. */
const lastStep = (events: TrainerEvent[]) =>
  events.reduce((step, e) => (e.type === 'stats' && e.points.length > 0 ? e.points[e.points.length - 1].step : step), 0);

let host: TrainerHost | null = null;
let supervisor: TrainerSupervisor<NodeTrainerChild> | null = null;
afterEach(() => {
  host?.dispose();
  host = null;
  supervisor?.stop();
  supervisor = null;
});

describe('the trainer host’s job family', () => {
  it('runs a job between the session’s training slices: both make progress, and pausing the job gives the session its time back', async () => {
    const t = memoryTransport();
    host = runTrainerHost(t.transport, createTrainingSession, { heartbeatMs: 1_000, checkpointMs: 60_000 });
    t.stream({ type: 'configure', config: SMALL });
    t.stream({ type: 'start' });
    await sleep(300); // warm up
    const ticks = () => t.jobs.filter((e) => e.type === 'race-tick').length;
    /**
     * Steps of the session and race ticks while `until` becomes true (or 20 s pass), and the session's rate. Spans
     * are measured in work done, not wall time: on the shared 2-core test machine a process can stall for a second.
     */
    const span = async (until: (d: { steps: number; ticks: number }) => boolean) => {
      const [s0, j0, t0] = [lastStep(t.events), ticks(), performance.now()];
      const d = () => ({ steps: lastStep(t.events) - s0, ticks: ticks() - j0 });
      for (let waited = 0; !until(d()) && waited < 20_000; waited += 10) await sleep(10);
      return { ...d(), perSecond: (d().steps * 1000) / (performance.now() - t0) };
    };
    const alone = await span((d) => d.steps >= 100);
    t.stream({ type: 'job', command: { type: 'start', id: 1, request: RACE } });
    // While the race does 30 ticks' worth of work (10 flushes of three cells), the session trains too.
    const shared = await span((d) => d.ticks >= 30);
    t.stream({ type: 'job', command: { type: 'pause', id: 1 } });
    await sleep(20);
    const paused = await span((d) => d.steps >= 100);
    t.stream({ type: 'job', command: { type: 'cancel', id: 1 } });
    console.log(
      `session steps/s: alone ${alone.perSecond.toFixed(0)}, with a race job ${shared.perSecond.toFixed(0)}, race paused ${paused.perSecond.toFixed(0)}`,
    );
    expect(shared.ticks).toBeGreaterThanOrEqual(30); // the job advances…
    expect(shared.steps).toBeGreaterThan(0); // …and so does the session, in its slices between the job's
    expect(paused.ticks).toBe(0);
    expect(paused.steps).toBeGreaterThanOrEqual(100);
    expect(t.jobs.at(-1)).toEqual({ type: 'cancelled', id: 1 });
    // The session never saw the job's messages as its own (no 'bad-message' error).
    expect(t.events.filter((e) => e.type === 'error')).toEqual([]);
  });

  it('a pause of the Lab’s run is handled at once while a job runs', async () => {
    const t = memoryTransport();
    host = runTrainerHost(t.transport, createTrainingSession, { heartbeatMs: 1_000, checkpointMs: 60_000 });
    t.stream({ type: 'configure', config: SMALL });
    t.stream({ type: 'start' });
    t.stream({ type: 'job', command: { type: 'start', id: 2, request: RACE } });
    await sleep(300);
    t.stream({ type: 'pause' });
    expect(t.events.at(-1)).toMatchObject({ type: 'status', state: 'paused' });
    const step = lastStep(t.events);
    await sleep(200);
    expect(lastStep(t.events)).toBe(step);
    expect(t.jobs.filter((e) => e.type === 'race-tick').length).toBeGreaterThan(0);
  });

  it('through a real trainer process: job events come back on the stream, and a crash mid-job is reported as a crash', async () => {
    const run = superviseNodeTrainers(
      { heartbeatMs: 100, checkpointMs: 250 },
      { hangTimeoutMs: 2_500, startupTimeoutMs: 15_000, backoffInitialMs: 50 },
    );
    supervisor = run.supervisor;
    const jobs: JobEvent[] = [];
    supervisor.start();
    const child = await until('the trainer', () => run.seen.children[0]);
    child.onStream((raw) => {
      if ((raw as { type?: unknown }).type === 'job') jobs.push((raw as JobStreamEvent).event);
    });
    const session = run.seen.streams[0];
    child.postStream({ type: 'configure', config: SMALL });
    child.postStream({ type: 'start' });
    child.postStream({ type: 'job', command: { type: 'start', id: 3, request: { ...RACE, steps: 1000 } } });
    await until('a race tick', () => jobs.find((e) => e.type === 'race-tick'), 30_000);
    await until('the Lab training beside it', () => lastStep(session) > 20, 30_000);
    // The Lab's pause is read between two slices: it waits for the job's slice at most, not for the job.
    const asked = performance.now();
    child.postStream({ type: 'pause' });
    await until('the pause', () => session.find((e) => e.type === 'status' && e.state === 'paused'));
    const pauseMs = performance.now() - asked;
    console.log(`Lab pause with a race job running, through the trainer process: ${pauseMs.toFixed(0)} ms`);
    expect(pauseMs).toBeLessThan(1_000);
    child.kill();
    const crashed = await until('the crash', () => run.seen.health.find((h) => h.health.kind === 'crashed'));
    expect(crashed.health).toMatchObject({ kind: 'crashed', attempt: 1 });
    expect(jobs.some((e) => e.type === 'done')).toBe(false);
  }, 60_000);
});
