import { afterEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { JobEventSchema, type JobCommand, type JobEvent, type JobRequest } from '../protocol/job-messages';
import { JobRunner } from './job-runner';

const BIDIR: JobRequest = { type: 'bidir', steps: 30, hiddenSize: 4, batchSize: 4, learningRate: 0.01, seed: 1, cell: 'gru' };
const RACE: JobRequest = {
  type: 'race', task: 'memory', taskParams: { k: 3 }, cells: ['rnn', 'lstm'], steps: 40, hiddenSize: 6, batchSize: 4, learningRate: 0.01, seed: 3,
};
const HORIZON: JobRequest = {
  type: 'horizon', task: 'memory', ks: [2, 4], cells: ['gru'], steps: 10, hiddenSize: 4, batchSize: 4, learningRate: 0.01, seed: 2,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let runner: JobRunner | null = null;
afterEach(() => {
  runner?.dispose();
  runner = null;
});

function setup() {
  const events: JobEvent[] = [];
  runner = new JobRunner((e) => events.push(e));
  const r = runner;
  const send = (command: JobCommand) => r.handle({ type: 'job', command });
  const ended = (id: number) => events.some((e) => e.id === id && (e.type === 'done' || e.type === 'error' || e.type === 'cancelled'));
  const until = async (id: number) => {
    for (let i = 0; i < 2000 && !ended(id); i++) await sleep(5);
  };
  return { events, send, until, of: (id: number) => events.filter((e) => e.id === id) };
}

describe('JobRunner (the trainer host’s job family)', () => {
  it('runs a race in slices: progress, per-cell ticks, then done with each cell’s held-out scores', async () => {
    const { send, until, of } = setup();
    send({ type: 'start', id: 4, request: RACE });
    await until(4);
    const events = of(4);
    const done = events.at(-1);
    expect(done?.type).toBe('done');
    if (done?.type !== 'done') return;
    expect(done.results.map((r) => [r.cell, r.steps])).toEqual([['rnn', 40], ['lstm', 40]]);
    expect(done.durationMs).toBeGreaterThan(0);
    const ticks = events.filter((e) => e.type === 'race-tick');
    expect(new Set(ticks.map((e) => e.type === 'race-tick' && e.cell))).toEqual(new Set(['rnn', 'lstm']));
    const points = ticks.flatMap((e) => (e.type === 'race-tick' && e.cell === 'lstm' ? e.points.map((p) => p.step) : []));
    expect(points).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(events.some((e) => e.type === 'progress')).toBe(true);
  });

  it('horizon: one point per distance and cell, smallest distance first', async () => {
    const { send, until, of } = setup();
    send({ type: 'start', id: 1, request: HORIZON });
    await until(1);
    expect(of(1).flatMap((e) => (e.type === 'horizon-point' ? [e.k] : []))).toEqual([2, 4]);
    expect(of(1).at(-1)?.type).toBe('done');
  });

  it('attribution: each cell’s connectivity ticks, then done; a race started meanwhile replaces it by kind', async () => {
    const { send, until, of } = setup();
    const request: JobRequest = { type: 'attribution', cells: ['gru', 'lstm'], steps: 8, every: 4, gap: 2, hiddenSize: 4, batchSize: 4, learningRate: 0.01, seed: 1 };
    send({ type: 'start', id: 11, request });
    await until(11);
    expect(of(11).flatMap((e) => (e.type === 'attribution-tick' ? [`${e.cell}@${e.step}`] : []))).toEqual(['gru@4', 'lstm@4', 'gru@8', 'lstm@8']);
    expect(of(11).at(-1)?.type).toBe('done');
    send({ type: 'start', id: 12, request: { ...request, steps: 5000 } });
    send({ type: 'start', id: 13, request: RACE });
    expect(of(12).at(-1)).toEqual({ type: 'cancelled', id: 12, replacedBy: 'race' });
    send({ type: 'start', id: 14, request: BIDIR });
    expect(of(13).at(-1)).toEqual({ type: 'cancelled', id: 13, replacedBy: 'bidir' });
    send({ type: 'start', id: 15, request });
    expect(of(14).at(-1)).toEqual({ type: 'cancelled', id: 14, replacedBy: 'attribution' });
    await until(15);
  });

  it('cancel stops the job between two steps: it says cancelled and sends nothing after', async () => {
    const { send, events, of } = setup();
    send({ type: 'start', id: 2, request: { ...BIDIR, steps: 5000 } });
    await sleep(60);
    send({ type: 'cancel', id: 2 });
    const count = events.length;
    await sleep(60);
    expect(of(2).at(-1)).toEqual({ type: 'cancelled', id: 2 });
    expect(events).toHaveLength(count);
  });

  it('pause holds the job (no step, no event) until resume, then it finishes; elapsed time leaves out the pause', async () => {
    const { send, until, events, of } = setup();
    const t0 = performance.now();
    send({ type: 'start', id: 3, request: BIDIR });
    send({ type: 'pause', id: 3 });
    expect(events).toEqual([{ type: 'paused', id: 3, paused: true }]);
    await sleep(150);
    expect(events).toHaveLength(1);
    send({ type: 'resume', id: 3 });
    expect(events[1]).toEqual({ type: 'paused', id: 3, paused: false });
    await until(3);
    const wall = performance.now() - t0;
    const done = of(3).at(-1);
    expect(done?.type).toBe('done');
    expect(done?.type === 'done' && done.durationMs).toBeLessThanOrEqual(wall - 150);
    expect(of(3).filter((e) => e.type === 'bidir-result')).toHaveLength(2);
  });

  it('a new job replaces the running one, which is told by which kind; an explore is answered at once and replaces nothing', async () => {
    const { send, until, of } = setup();
    send({ type: 'start', id: 5, request: { ...BIDIR, steps: 5000 } });
    send({ type: 'start', id: 6, request: { type: 'explore', rho: 0.9, T: 20, activation: 'tanh', clip: 0 } });
    expect(of(6)).toHaveLength(1);
    expect(of(6)[0]).toMatchObject({ type: 'explore-result', rho: expect.any(Number) });
    send({ type: 'start', id: 7, request: HORIZON });
    expect(of(5).at(-1)).toEqual({ type: 'cancelled', id: 5, replacedBy: 'horizon' });
    await until(7);
    expect(of(7).at(-1)?.type).toBe('done');
  });

  it('refuses a malformed command with a bad-request error naming the job, and never throws', () => {
    const { events } = setup();
    runner!.handle({ type: 'job', command: { type: 'start', id: 9, request: { ...RACE, hiddenSize: 100_000 } } });
    runner!.handle({ type: 'job', command: { type: 'launch' } });
    runner!.handle(null);
    expect(events.map((e) => [e.type, e.id, e.type === 'error' && e.reason])).toEqual([
      ['error', 9, 'bad-request'],
      ['error', 0, 'bad-request'],
      ['error', 0, 'bad-request'],
    ]);
    // A problem the page words, passing the contract's schema; the schema's English reasons are its detail only.
    for (const e of events) {
      expect(e.type === 'error' && e.problem.code).toBe('job.badRequest');
      expect(v.is(JobEventSchema, e)).toBe(true);
    }
    expect(events[0].type === 'error' && events[0].problem.detail).toMatch(/^bad job command: /);
  });
});
