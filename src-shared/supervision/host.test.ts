import { afterEach, describe, expect, it } from 'vitest';
import type { SupervisorEvent } from '../protocol/trainer-messages';
import { DEFAULT_CONFIG } from '../protocol/training-config';
import { createTrainingSession } from '../session/training-session';
import { checkpointInterval, runTrainerHost, type TrainerHost } from './host';
import type { StreamEvent, TrainerTransport } from './transport';

/** The trainer host in-process, with the real training session and a recording transport. */
function memoryTransport() {
  let control: (raw: unknown) => void = () => {};
  let stream: (raw: unknown) => void = () => {};
  const sent: SupervisorEvent[] = [];
  const events: StreamEvent[] = [];
  const transport: TrainerTransport = {
    onControl: (l) => void (control = l),
    sendControl: (e) => void sent.push(e),
    onStream: (l) => void (stream = l),
    postStream: (e) => {
      events.push(e);
      if (e.type === 'stats') queueMicrotask(() => stream({ type: 'ack', seq: e.seq }));
    },
  };
  return { transport, sent, events, control: (raw: unknown) => control(raw), stream: (raw: unknown) => stream(raw) };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const checkpoints = (sent: SupervisorEvent[]) => sent.filter((e) => e.type === 'checkpoint');
let host: TrainerHost | null = null;
afterEach(() => {
  host?.dispose();
  host = null;
});

describe('runTrainerHost(transport, createSession)', () => {
  it('heartbeats at once and then every heartbeatMs', async () => {
    const t = memoryTransport();
    host = runTrainerHost(t.transport, createTrainingSession, { heartbeatMs: 20, checkpointMs: 10_000 });
    expect(t.sent[0]).toMatchObject({ type: 'heartbeat' });
    await sleep(110);
    expect(t.sent.filter((e) => e.type === 'heartbeat').length).toBeGreaterThanOrEqual(4);
    expect(t.events[0]).toMatchObject({ type: 'ready' });
  });

  it('checkpoints on configure, periodically while training, and when paused', async () => {
    const t = memoryTransport();
    host = runTrainerHost(t.transport, createTrainingSession, { heartbeatMs: 1_000, checkpointMs: 50 });
    t.stream({ type: 'configure', config: { ...DEFAULT_CONFIG, hiddenSize: 8, batchSize: 4 } });
    await sleep(5);
    expect(checkpoints(t.sent)).toHaveLength(1);
    t.stream({ type: 'start' });
    // Training starts from the checkpoint just sent: only the flag is reported, not the model again.
    expect(checkpoints(t.sent)).toHaveLength(1);
    expect(t.sent.at(-1)).toEqual({ type: 'training', step: 0 });
    // Every 50 ms while training (polled: other test files share the CPU).
    const whileTraining = () => checkpoints(t.sent).filter((e) => e.type === 'checkpoint' && e.training).length;
    for (let waited = 0; whileTraining() < 3 && waited < 5_000; waited += 20) await sleep(20);
    expect(whileTraining()).toBeGreaterThanOrEqual(3);
    t.stream({ type: 'pause' });
    await sleep(5);
    const last = checkpoints(t.sent).at(-1)!;
    expect(last).toMatchObject({ type: 'checkpoint', training: false });
    expect(last.type === 'checkpoint' && last.checkpoint.step).toBe(host.session.checkpoint()!.step);
  });

  it('restores a checkpoint from the supervisor, answers pings, and ignores malformed commands', async () => {
    const first = memoryTransport();
    const donor = runTrainerHost(first.transport, createTrainingSession, { heartbeatMs: 1_000, checkpointMs: 1_000 });
    first.stream({ type: 'configure', config: { ...DEFAULT_CONFIG, hiddenSize: 8, batchSize: 4 } });
    first.stream({ type: 'step', count: 7 });
    const checkpoint = donor.session.packedCheckpoint()!;
    donor.dispose();

    const t = memoryTransport();
    host = runTrainerHost(t.transport, createTrainingSession, { heartbeatMs: 1_000, checkpointMs: 1_000, log: () => {} });
    t.control({ type: 'restore', checkpoint: { ...checkpoint, step: -1 }, resume: false });
    t.control({ type: 'launch-missiles' });
    expect(host.session.checkpoint()).toBeNull();
    t.control({ type: 'restore', checkpoint, resume: false });
    expect(host.session.checkpoint()!.step).toBe(7);
    expect(t.events).toContainEqual(expect.objectContaining({ type: 'status', state: 'paused', step: 7 }));
    t.control({ type: 'ping', id: 3 });
    expect(t.sent).toContainEqual({ type: 'pong', id: 3 });
  });

  it('keeps heartbeating during a training step however long the step is (defect 1: beats no longer wait for the step to end)', () => {
    const t = memoryTransport();
    const beats: number[] = [];
    const sendControl = t.transport.sendControl;
    t.transport.sendControl = (e) => {
      if (e.type === 'heartbeat') beats.push(Date.now());
      sendControl(e);
    };
    const heartbeatMs = 20;
    host = runTrainerHost(t.transport, createTrainingSession, { heartbeatMs, checkpointMs: 60_000 });
    // A model whose steps take far longer than a heartbeat period (hundreds of ms here).
    t.stream({ type: 'configure', config: { ...DEFAULT_CONFIG, task: 'memory', taskParams: { k: 30 }, hiddenSize: 96, layers: 2, bidirectional: true, batchSize: 32 } });
    const from = beats.length;
    const start = Date.now();
    t.stream({ type: 'step', count: 2 }); // synchronous: no timer of this thread can fire until it returns
    const end = Date.now();
    expect(end - start, 'the steps must outlast several heartbeat periods for this test to mean anything').toBeGreaterThan(8 * heartbeatMs);
    const during = [start, ...beats.slice(from), end];
    const gaps = during.slice(1).map((at, i) => at - during[i]);
    // Before the fix there was no beat at all until the steps ended. (Bounds loose enough for a loaded machine.)
    const why = `gaps between heartbeats during ${end - start} ms of steps: ${gaps.join(', ')}`;
    expect(gaps.length - 1, why).toBeGreaterThanOrEqual(Math.floor((end - start) / (3 * heartbeatMs)));
    expect(Math.max(...gaps), why).toBeLessThan((end - start) / 3);
  });

  it('sends no heartbeat while the session makes no progress (a real hang stays visible)', () => {
    const t = memoryTransport();
    let progress: () => void = () => {};
    host = runTrainerHost(t.transport, (post, hooks) => {
      progress = hooks.progress;
      return createTrainingSession(post);
    }, { heartbeatMs: 20, checkpointMs: 60_000 });
    const spin = (ms: number, report: boolean) => {
      const from = t.sent.length;
      const until = Date.now() + ms;
      while (Date.now() < until) if (report) progress();
      return t.sent.slice(from).filter((e) => e.type === 'heartbeat').length;
    };
    expect(spin(100, false), 'an endless loop that never reports progress').toBe(0);
    expect(spin(100, true)).toBeGreaterThanOrEqual(3);
  });

  it('spaces periodic checkpoints out for big models (at most 2 MB/s copied on average)', () => {
    expect(checkpointInterval(2_000, 0)).toBe(2_000);
    expect(checkpointInterval(2_000, 2.4 * 2 ** 20)).toBe(2_000); // LSTM H=128 with Adam
    expect(checkpointInterval(2_000, 46 * 2 ** 20)).toBe(23_000); // the largest model the settings allow
  });
});
