import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrainerHealth } from '../../src-shared/protocol/ipc-contract';
import { packHistory, type PackedCheckpoint } from '../../src-shared/protocol/packed-checkpoint';
import type { TrainerEvent } from '../../src-shared/protocol/trainer-messages';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import type { ThreadEnvelope } from '../../src-shared/supervision/thread-envelope';
import type { WorkerLike } from './worker-child';
import { WorkerTrainerStream } from './worker-trainer-stream';

/**
 * The browser's trainer stream with fake workers: the shared supervisor's policy as the page applies it to Web Workers
 * (what worker-supervisor.ts used to do by hand, plus hang detection and 'crashed').
 */
class FakeWorker implements WorkerLike {
  posted: unknown[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<unknown>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent<unknown>) => void) | null = null;
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** What the page sent on one channel. */
  sent(channel: ThreadEnvelope['channel']): unknown[] {
    return this.posted.filter((m): m is ThreadEnvelope => (m as ThreadEnvelope).channel === channel).map((m) => m.data);
  }
  stream(data: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data: { channel: 'stream', data } }));
  }
  control(data: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data: { channel: 'control', data } }));
  }
  beat(): void {
    this.control({ type: 'heartbeat', at: Date.now() });
  }
  crash(message = 'boom'): void {
    this.onerror?.(new ErrorEvent('error', { message }));
  }
}

const packed = (step: number): PackedCheckpoint => ({
  version: 1,
  packed: true,
  config: DEFAULT_CONFIG,
  step,
  params: { Whh: new Float32Array([0.5, -0.5]) },
  optimizer: {},
  history: packHistory([]),
});

function setup(maxRestarts = 3) {
  const workers: FakeWorker[] = [];
  const stream = new WorkerTrainerStream({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    heartbeatMs: 100,
    checkpointMs: 1_000,
    hangTimeoutMs: 1_000,
    backoffInitialMs: 50,
    maxRestarts,
    log: () => {},
  });
  const events: TrainerEvent[] = [];
  const health: TrainerHealth[] = [];
  stream.onEvent((e) => events.push(e));
  stream.onHealth((h) => health.push(h));
  return { stream, workers, events, health };
}

describe('WorkerTrainerStream (the shared supervisor over Web Workers)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts each worker with its timing, then sends commands on the stream channel and passes on valid events only', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { stream, workers, events } = setup();
    expect(workers[0].posted[0]).toEqual({ channel: 'start', data: { interrupt: null, heartbeatMs: 100, checkpointMs: 1_000 } });
    stream.send({ type: 'start' });
    expect(workers[0].sent('stream')).toEqual([{ type: 'start' }]);
    workers[0].stream({ type: 'ready', protocolVersion: 1 });
    workers[0].stream({ type: 'stats', seq: 'x' });
    workers[0].stream(42);
    expect(events).toEqual([{ type: 'ready', protocolVersion: 1 }]);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
    stream.dispose();
  });

  it('keeps the packed checkpoints of the control channel for itself: the page never sees them', () => {
    const { stream, workers, events } = setup();
    workers[0].control({ type: 'checkpoint', checkpoint: packed(30), training: true });
    expect(stream.lastCheckpoint).toEqual({ checkpoint: packed(30), training: true });
    expect(events).toEqual([]);
    stream.dispose();
  });

  it('after a crash reports it, starts a new worker after the backoff, restores the checkpoint, then sends what waited', () => {
    const { stream, workers, health } = setup();
    workers[0].control({ type: 'checkpoint', checkpoint: packed(40), training: true });
    workers[0].crash('out of memory');
    expect(workers[0].terminated).toBe(true);
    expect(health.at(-1)).toEqual({ kind: 'crashed', attempt: 1, reason: expect.objectContaining({ code: 'trainer.exited', detail: expect.stringMatching(/out of memory/) }), restartInMs: 50 });
    stream.send({ type: 'pause' });
    vi.advanceTimersByTime(50);
    expect(workers).toHaveLength(2);
    expect(workers[1].sent('control')).toEqual([{ type: 'restore', checkpoint: packed(40), resume: true }]);
    expect(workers[1].sent('stream')).toEqual([{ type: 'pause' }]);
    expect(health.at(-1)).toEqual({ kind: 'restoring', attempt: 1, reason: expect.objectContaining({ code: 'trainer.exited', detail: expect.stringMatching(/out of memory/) }), step: 40 });
    workers[1].control({ type: 'restored', step: 40, ok: true });
    expect(health.at(-1)).toEqual({ kind: 'restarted', attempt: 1, reason: expect.objectContaining({ code: 'trainer.exited', detail: expect.stringMatching(/out of memory/) }), restoredStep: 40 });
    stream.dispose();
  });

  it('detects a worker that stops heartbeating (an endless loop), terminates it and replaces it', () => {
    const { stream, workers, health } = setup();
    workers[0].beat();
    for (let t = 0; t < 900; t += 100) {
      vi.advanceTimersByTime(100);
      workers[0].beat();
    }
    expect(workers[0].terminated, 'a beating worker is left alone').toBe(false);
    vi.advanceTimersByTime(1_300);
    expect(workers[0].terminated).toBe(true);
    expect(health).toContainEqual(expect.objectContaining({ kind: 'crashed', reason: expect.objectContaining({ code: 'trainer.hung', detail: expect.stringMatching(/hung/) }) }));
    vi.advanceTimersByTime(50);
    expect(workers).toHaveLength(2);
    stream.dispose();
  });

  it('gives up after too many crashes in a row', () => {
    const { stream, workers, health } = setup(2);
    workers[0].crash();
    vi.advanceTimersByTime(50);
    workers[1].crash();
    vi.advanceTimersByTime(100);
    workers[2].crash('again');
    vi.advanceTimersByTime(1_000);
    expect(workers).toHaveLength(3);
    expect(health.at(-1)).toEqual({ kind: 'gave-up', reason: expect.objectContaining({ code: 'trainer.exited', detail: expect.stringMatching(/again.*; 2 restarts within/) }) });
    stream.dispose();
  });
});
