import { describe, expect, it } from 'vitest';
import { FakeJobs } from '../../testing/fake-jobs';
import type { JobOutput } from '../../../src-shared/jobs/jobs';
import { problem } from '../../../src-shared/protocol/problem';
import { BIDIR_MODEL, BidirState, HORIZON_MODEL, HORIZON_SWEEPS, HorizonState } from './sweep-state.svelte';

const point = (cell: 'rnn' | 'lstm' | 'gru', k: number, testAccuracy: number): JobOutput => ({ type: 'horizon-point', cell, k, testAccuracy });
const direction = (bidirectional: boolean, overall: number): JobOutput =>
  ({ type: 'bidir-result', bidirectional, accuracy: [overall], counts: [30], ambiguousAccuracy: overall, overall });

describe('HorizonState', () => {
  it('sweeps the chosen task’s distances and collects one point per finished run', () => {
    const client = new FakeJobs();
    const horizon = new HorizonState(client);
    horizon.task = 'memory';
    horizon.start(['lstm']);
    const { ks, steps } = HORIZON_SWEEPS.memory;
    expect(client.started[0].request).toEqual({ type: 'horizon', task: 'memory', ks, steps, cells: ['lstm'], ...HORIZON_MODEL });
    expect([horizon.job.status, horizon.shownTask]).toEqual(['running', 'memory']);
    client.emit(point('lstm', 5, 1));
    client.emit(point('lstm', 10, 0.9));
    client.emit({ type: 'done', durationMs: 300, results: [] });
    expect(horizon.points).toEqual([
      { cell: 'lstm', k: 5, testAccuracy: 1 },
      { cell: 'lstm', k: 10, testAccuracy: 0.9 },
    ]);
    expect(horizon.job.status).toBe('done');
  });

  it('a new sweep clears the points and ignores the cancelled sweep’s late ones', () => {
    const client = new FakeJobs();
    const horizon = new HorizonState(client);
    horizon.start();
    const first = client.lastId;
    client.emit(point('rnn', 0, 1), first);
    horizon.task = 'memory';
    horizon.start();
    expect(client.cancelled).toEqual([first]);
    client.emit(point('rnn', 10, 0.5), first);
    expect(horizon.points).toEqual([]);
    expect(horizon.shownTask).toBe('memory');
  });
});

describe('BidirState', () => {
  it('keeps the forward-only and the bidirectional result apart, and stops on an error', () => {
    const client = new FakeJobs();
    const bidir = new BidirState(client);
    bidir.start();
    expect(client.started[0].request).toEqual({ type: 'bidir', ...BIDIR_MODEL });
    client.emit(direction(false, 0.6));
    expect([bidir.forward?.overall, bidir.both]).toEqual([0.6, null]);
    client.emit({ type: 'error', reason: 'failed', problem: problem('job.failed', undefined, 'a bad step') });
    expect([bidir.job.status, bidir.job.errorText]).toEqual(['error', 'the trainer reported an error (the details are in the console)']);
    bidir.start();
    expect([bidir.forward, bidir.both, bidir.job.error]).toEqual([null, null, null]);
    client.emit(direction(false, 0.6));
    client.emit(direction(true, 0.8));
    client.emit({ type: 'done', durationMs: 10, results: [] });
    expect([bidir.forward?.overall, bidir.both?.overall, bidir.job.status]).toEqual([0.6, 0.8, 'done']);
  });
});
