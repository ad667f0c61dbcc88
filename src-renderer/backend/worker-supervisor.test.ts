import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrainerHealth } from '../../src-shared/protocol/ipc-contract';
import type { Checkpoint, TrainerEvent } from '../../src-shared/protocol/trainer-messages';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import { SUPERVISOR_SNAPSHOT_BASE, WorkerTrainerStream, type WorkerLike } from './worker-supervisor';

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
  reply(data: unknown): void {
    this.onmessage?.(new MessageEvent('message', { data }));
  }
  crash(message = 'boom'): void {
    this.onerror?.(new ErrorEvent('error', { message }));
  }
}

const checkpoint = (step: number): Checkpoint => ({
  version: 1,
  config: DEFAULT_CONFIG,
  step,
  params: {},
  optimizer: {},
  history: [],
});

const hostCheckpoint = (step: number) => ({
  type: 'host:checkpoint',
  requestId: SUPERVISOR_SNAPSHOT_BASE,
  step,
  json: JSON.stringify(checkpoint(step)),
});

function setup(maxRestarts = 3) {
  const workers: FakeWorker[] = [];
  const stream = new WorkerTrainerStream({
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    snapshotIntervalMs: 1000,
    maxRestarts,
  });
  const events: TrainerEvent[] = [];
  const health: TrainerHealth[] = [];
  stream.onEvent((e) => events.push(e));
  stream.onHealth((h) => health.push(h));
  return { stream, workers, events, health };
}

describe('WorkerTrainerStream', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('forwards commands to the worker and valid events to listeners, dropping malformed ones', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { stream, workers, events } = setup();
    stream.send({ type: 'start' });
    expect(workers[0].posted).toEqual([{ type: 'start' }]);
    workers[0].reply({ type: 'ready', protocolVersion: 1 });
    workers[0].reply({ type: 'stats', seq: 'x' });
    workers[0].reply(42);
    expect(events).toEqual([{ type: 'ready', protocolVersion: 1 }]);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('asks for checkpoints while training and keeps them as JSON text, away from the page', () => {
    const { stream, workers, events } = setup();
    workers[0].reply({ type: 'status', state: 'training', step: 1, message: '' });
    vi.advanceTimersByTime(2500);
    const asks = workers[0].posted.filter((m) => (m as { type: string }).type === 'snapshot') as { requestId: number }[];
    expect(asks).toHaveLength(2);
    expect(asks[0].requestId).toBeGreaterThanOrEqual(SUPERVISOR_SNAPSHOT_BASE);
    workers[0].reply(hostCheckpoint(30));
    expect(stream.lastCheckpoint).toEqual({ step: 30, json: JSON.stringify(checkpoint(30)) });
    expect(events.map((e) => e.type)).toEqual(['status']);
    workers[0].reply({ type: 'snapshot', requestId: 7, checkpoint: checkpoint(31) });
    expect(events.filter((e) => e.type === 'snapshot')).toHaveLength(1);
  });

  it('after a crash it starts a new worker, restores the last checkpoint and reports the restart', () => {
    const { stream, workers, health } = setup();
    stream.send({ type: 'configure', config: DEFAULT_CONFIG });
    workers[0].reply({ type: 'status', state: 'training', step: 1, message: '' });
    workers[0].reply(hostCheckpoint(40));
    workers[0].crash('out of memory');
    expect(workers[0].terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[1].posted).toEqual([{ type: 'host:restore', json: JSON.stringify(checkpoint(40)), resume: true }]);
    expect(health).toEqual([{ kind: 'restarted', attempt: 1, reason: 'out of memory', restoredStep: 40 }]);
    stream.send({ type: 'pause' });
    expect(workers[1].posted.at(-1)).toEqual({ type: 'pause' });
  });

  it('without a checkpoint it replays the last configure', () => {
    const { stream, workers, health } = setup();
    stream.send({ type: 'configure', config: DEFAULT_CONFIG });
    workers[0].crash();
    expect(workers[1].posted).toEqual([{ type: 'configure', config: DEFAULT_CONFIG }]);
    expect(health[0]).toMatchObject({ kind: 'restarted', restoredStep: null });
  });

  it('gives up after too many crashes in a row', () => {
    const { workers, health } = setup(2);
    workers[0].crash();
    workers[1].crash();
    workers[2].crash('again');
    expect(workers).toHaveLength(3);
    expect(health.at(-1)).toEqual({ kind: 'gave-up', reason: 'again' });
  });
});
