import { afterEach, describe, expect, it } from 'vitest';
import type { TrainerHealth } from '../../src-shared/protocol/ipc-contract';
import type { TrainerEvent } from '../../src-shared/protocol/trainer-messages';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import type { TrainerHost } from '../../src-shared/supervision/host';
import { isThreadStart } from '../../src-shared/supervision/thread-envelope';
import { runThreadHost } from '../../src-shared/supervision/thread-host';
import type { WorkerLike } from './worker-child';
import { WorkerTrainerStream } from './worker-trainer-stream';

/**
 * The browser shape end to end, in one thread: the page's stream and supervisor against the real thread host and
 * training session (what trainer.worker.ts runs), messages structured-cloned and delivered asynchronously as a
 * Worker's are. A "crash" disposes the host and raises the worker's error event.
 */
/**
 * A copy as a structured clone makes, in this realm (jsdom's structuredClone builds typed arrays of another realm,
 * which `instanceof Float32Array` rejects; a real Worker's messages arrive in the page's own realm).
 */
function clone(x: unknown): unknown {
  if (ArrayBuffer.isView(x)) return (x as unknown as { slice(): unknown }).slice();
  if (Array.isArray(x)) return x.map(clone);
  if (typeof x === 'object' && x !== null && !(x instanceof SharedArrayBuffer)) {
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, clone(v)]));
  }
  return x;
}

class LoopbackWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<unknown>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  onmessageerror: ((e: MessageEvent<unknown>) => void) | null = null;
  host: TrainerHost | null = null;
  #inside: ((data: unknown) => void) | null = null;
  #alive = true;

  postMessage(message: unknown): void {
    const data = clone(message);
    setTimeout(() => {
      if (!this.#alive) return;
      if (isThreadStart(data)) {
        this.host = runThreadHost(
          {
            postMessage: (envelope) => {
              const out = clone(envelope);
              setTimeout(() => this.#alive && this.onmessage?.(new MessageEvent('message', { data: out })), 0);
            },
            onMessage: (listener) => void (this.#inside = listener),
          },
          data.data,
          { log: (line) => console.warn(`[trainer] ${line}`) },
        );
      } else this.#inside?.(data);
    }, 0);
  }

  terminate(): void {
    this.#alive = false;
    this.host?.dispose();
  }

  crash(): void {
    this.terminate();
    this.onerror?.(new ErrorEvent('error', { message: 'simulated crash' }));
  }
}

async function until<T>(what: string, probe: () => T | null | undefined | false, timeoutMs = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

let stream: WorkerTrainerStream | null = null;
afterEach(() => {
  stream?.dispose();
  stream = null;
});

describe('the browser trainer: shared supervisor + shared thread host', () => {
  it('resumes a crashed worker from its last checkpoint, training on in the replacement', async () => {
    const workers: LoopbackWorker[] = [];
    stream = new WorkerTrainerStream({
      createWorker: () => {
        const w = new LoopbackWorker();
        workers.push(w);
        return w;
      },
      heartbeatMs: 50,
      checkpointMs: 100,
      backoffInitialMs: 20,
      log: () => {},
    });
    const events: TrainerEvent[] = [];
    const health: TrainerHealth[] = [];
    stream.onEvent((e) => {
      events.push(e);
      if (e.type === 'stats') stream?.send({ type: 'ack', seq: e.seq });
    });
    stream.onHealth((h) => health.push(h));
    stream.send({ type: 'configure', config: { ...DEFAULT_CONFIG, hiddenSize: 8, batchSize: 4 } });
    stream.send({ type: 'start' });
    const saved = await until('a training checkpoint past step 5', () => {
      const last = stream?.lastCheckpoint;
      return last && last.training && last.checkpoint.step >= 5 ? last : null;
    });
    const from = events.length;
    workers[0].crash();
    expect(health.at(-1)).toMatchObject({ kind: 'crashed', attempt: 1 });
    const restarted = await until('the restart', () => health.find((h) => h.kind === 'restarted'));
    expect(workers).toHaveLength(2);
    expect(restarted).toMatchObject({ kind: 'restarted', restoredStep: expect.any(Number) });
    const restoredStep = restarted.kind === 'restarted' ? restarted.restoredStep! : -1;
    expect(restoredStep).toBeGreaterThanOrEqual(saved.checkpoint.step);
    await until('training past the restored step in the new worker', () =>
      events.slice(from).some((e) => e.type === 'stats' && e.points.some((p) => p.step > restoredStep)),
    );
    expect(events.slice(from)).toContainEqual(expect.objectContaining({ type: 'status', state: 'training', message: `Resumed from step ${restoredStep}` }));
  });
});
