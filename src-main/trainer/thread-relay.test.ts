import { EventEmitter } from 'node:events';
import { getHeapStatistics } from 'node:v8';
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { SupervisorEvent } from '../../src-shared/protocol/trainer-messages';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import type { ThreadData, ThreadEnvelope } from '../../src-shared/supervision/thread-envelope';
import { runTrainerInThread } from './thread-relay';
import type { StreamEvent, TrainerTransport } from '../../src-shared/supervision/transport';

/** A stand-in for the training thread: records what the relay posts, and can answer. */
class FakeThread extends EventEmitter {
  readonly posted: ThreadEnvelope[] = [];
  terminated = false;
  postMessage(envelope: ThreadEnvelope): void {
    this.posted.push(envelope);
  }
  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(1);
  }
}

function outerTransport() {
  const sent = { control: [] as SupervisorEvent[], stream: [] as StreamEvent[] };
  let control: (raw: unknown) => void = () => {};
  let stream: (raw: unknown) => void = () => {};
  const transport: TrainerTransport = {
    onControl: (l) => void (control = l),
    sendControl: (e) => void sent.control.push(e),
    onStream: (l) => void (stream = l),
    postStream: (e) => void sent.stream.push(e),
  };
  return { transport, sent, control: (raw: unknown) => control(raw), stream: (raw: unknown) => stream(raw) };
}

describe('runTrainerInThread (the trainer process main thread)', () => {
  it('starts the thread with the process heap cap and relays both channels both ways', () => {
    const outer = outerTransport();
    const thread = new FakeThread();
    let started: { data: ThreadData; limits: ResourceLimits } | null = null;
    runTrainerInThread(
      outer.transport,
      (data, limits) => {
        started = { data, limits };
        return thread as unknown as Worker;
      },
      { heartbeatMs: 123, checkpointMs: 4_567, log: () => {} },
    );
    const capMb = Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20);
    expect(started!.limits).toEqual({ maxOldGenerationSizeMb: capMb });
    expect(started!.data).toMatchObject({ heartbeatMs: 123, checkpointMs: 4_567 });

    outer.control({ type: 'ping', id: 1 });
    outer.stream({ type: 'start' });
    expect(thread.posted).toEqual([
      { channel: 'control', data: { type: 'ping', id: 1 } },
      { channel: 'stream', data: { type: 'start' } },
    ]);
    thread.emit('message', { channel: 'control', data: { type: 'heartbeat', at: 5 } });
    thread.emit('message', { channel: 'stream', data: { type: 'ready', protocolVersion: 1 } });
    thread.emit('message', { something: 'else' });
    expect(outer.sent.control).toEqual([{ type: 'heartbeat', at: 5 }]);
    expect(outer.sent.stream).toEqual([{ type: 'ready', protocolVersion: 1 }]);
  });

  it('raises the shared interrupt counter before forwarding a pause or stop, not for other traffic', () => {
    const outer = outerTransport();
    const thread = new FakeThread();
    let counter: Int32Array | null = null;
    runTrainerInThread(outer.transport, (data) => {
      counter = new Int32Array(data.interrupt!);
      return thread as unknown as Worker;
    });
    const seenAtPost: number[] = [];
    thread.postMessage = () => void seenAtPost.push(Atomics.load(counter!, 0));
    outer.stream({ type: 'ack', seq: 1 });
    outer.stream({ type: 'pause' });
    outer.stream({ type: 'start' });
    outer.stream({ type: 'stop' });
    outer.control({ type: 'ping', id: 2 });
    expect(seenAtPost).toEqual([0, 1, 1, 2, 2]);
  });

  it('trains on the main thread when the training thread cannot start, replaying what it was sent', async () => {
    const outer = outerTransport();
    const thread = new FakeThread();
    const lines: string[] = [];
    const stop = runTrainerInThread(outer.transport, () => thread as unknown as Worker, { heartbeatMs: 20, log: (l) => lines.push(l) });
    outer.stream({ type: 'configure', config: { ...DEFAULT_CONFIG, hiddenSize: 4, batchSize: 2 } });
    thread.emit('error', new Error('Cannot find module trainer-thread.js'));
    try {
      expect(thread.terminated).toBe(true);
      expect(lines.join('\n')).toMatch(/could not start \(Error: Cannot find module trainer-thread\.js/);
      // The in-process session answered the replayed configure, and heartbeats reach the supervisor.
      expect(outer.sent.stream.map((e) => e.type)).toEqual(['ready', 'configured', 'status']);
      await new Promise((r) => setTimeout(r, 50));
      expect(outer.sent.control.filter((e) => e.type === 'heartbeat').length).toBeGreaterThanOrEqual(2);
      outer.stream({ type: 'step', count: 2 });
      expect(outer.sent.stream.at(-1)).toMatchObject({ type: 'status', state: 'paused', step: 2 });
    } finally {
      stop();
    }
  });
});
