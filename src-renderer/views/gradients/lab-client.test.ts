import { describe, expect, it } from 'vitest';
import { FakeWorkerPort } from './fake-worker-port';
import { LabClient, type JobRequest } from './lab-client';
import type { LabEvent } from './lab-messages';

const BIDIR: JobRequest = { type: 'bidir', steps: 10, hiddenSize: 4, batchSize: 2, learningRate: 0.01, seed: 1, cell: 'gru' };
const HORIZON: JobRequest = {
  type: 'horizon', task: 'memory', ks: [5], steps: 10, cells: ['rnn'], hiddenSize: 4, batchSize: 2, learningRate: 0.01, seed: 1,
};
const EXPLORE = { type: 'explore', rho: 0.9, T: 10, activation: 'tanh', clip: 0 } as const;

function setup() {
  const port = new FakeWorkerPort();
  const client = new LabClient(() => port);
  const heard = (): { events: LabEvent[]; listener: (e: LabEvent) => void } => {
    const events: LabEvent[] = [];
    return { events, listener: (e) => events.push(e) };
  };
  return { port, client, heard };
}

describe('LabClient', () => {
  it('start(request) posts the request with a fresh id and routes that job’s validated events to its listener', () => {
    const { port, client, heard } = setup();
    const job = heard();
    const id = client.start(BIDIR, job.listener);
    expect(port.posted).toEqual([{ ...BIDIR, id }]);
    port.deliver({ type: 'progress', id, done: 1, total: 10, elapsedMs: 5 });
    port.deliver({ type: 'progress', id, done: 'two' }); // malformed: dropped with a warning
    port.deliver({ type: 'done', id, durationMs: 9, results: [] });
    port.deliver({ type: 'progress', id, done: 10, total: 10, elapsedMs: 9 }); // after done: the job is over
    expect(job.events.map((e) => e.type)).toEqual(['progress', 'done']);
  });

  it('starting a job tells the job it replaces that it was cancelled, and by what, then drops the worker’s late events for it', () => {
    const { port, client, heard } = setup();
    const race = heard();
    const first = client.start(BIDIR, race.listener);
    const second = client.start(HORIZON, () => {});
    expect(port.posted).toEqual([{ ...BIDIR, id: first }, { type: 'cancel', id: first }, { ...HORIZON, id: second }]);
    expect(race.events).toEqual([{ type: 'cancelled', id: first, replacedBy: 'horizon' }]);
    port.deliver({ type: 'cancelled', id: first });
    port.deliver({ type: 'done', id: first, durationMs: 1, results: [] });
    expect(race.events).toHaveLength(1);
  });

  it('a one-shot request is neither cancelled by a new job nor told about it', () => {
    const { port, client, heard } = setup();
    const explore = heard();
    const ask = client.request(EXPLORE, explore.listener);
    client.start(BIDIR, () => {});
    expect(port.posted).not.toContainEqual({ type: 'cancel', id: ask });
    expect(explore.events).toEqual([]);
    port.deliver({ type: 'explore-result', id: ask, exact: [1], ideal: [1], clipped: [1], clipScale: 1, rho: 0.9 });
    expect(explore.events.map((e) => e.type)).toEqual(['explore-result']);
  });

  it('cancel(id) posts a cancel and tells the job’s listener at once; a second cancel does nothing', () => {
    const { port, client, heard } = setup();
    const job = heard();
    const id = client.start(BIDIR, job.listener);
    client.cancel(id);
    client.cancel(id);
    expect(port.posted).toEqual([{ ...BIDIR, id }, { type: 'cancel', id }]);
    expect(job.events).toEqual([{ type: 'cancelled', id }]);
    port.deliver({ type: 'cancelled', id });
    expect(job.events).toHaveLength(1);
  });

  it('a worker crash ends every waiting job with an error, and the next job starts a new worker', () => {
    const ports: FakeWorkerPort[] = [];
    const client = new LabClient(() => {
      ports.push(new FakeWorkerPort());
      return ports.at(-1)!;
    });
    const events: LabEvent[] = [];
    const id = client.start(BIDIR, (e) => events.push(e));
    ports[0].crash('out of memory');
    expect(events).toEqual([{ type: 'error', id, message: 'out of memory' }]);
    expect(ports[0].terminated).toBe(true);
    client.start(BIDIR, () => {});
    expect(ports).toHaveLength(2);
  });

  it('dispose ends the worker and tells a running job it was cancelled, but not a one-shot request', () => {
    const { port, client, heard } = setup();
    const job = heard();
    const explore = heard();
    const id = client.start(BIDIR, job.listener);
    client.request(EXPLORE, explore.listener);
    client.dispose();
    expect(port.terminated).toBe(true);
    expect(job.events).toEqual([{ type: 'cancelled', id }]);
    expect(explore.events).toEqual([]);
  });
});
