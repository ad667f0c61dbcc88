import { describe, expect, it, vi } from 'vitest';
import { FakeJobs } from '../../testing/fake-jobs';
import type { JobOutput } from '../../../src-shared/jobs/jobs';
import { RACE_CELLS, RACE_MODEL, RaceState } from './race-state.svelte';

const tick = (cell: 'rnn' | 'lstm' | 'gru', step: number): Extract<JobOutput, { type: 'race-tick' }> => ({
  type: 'race-tick', cell, points: [{ step, loss: 1 / step, accuracy: 0.5 }],
  dhRows: [{ step, dhNorms: [0.001, 0.1, 1] }], evals: [{ step, testAccuracy: 0.75, testLoss: 0.5 }],
});
const results = RACE_CELLS.map((cell) => ({ cell, testAccuracy: 0.5, testLoss: 0.7, steps: 50 }));

describe('RaceState', () => {
  it('starts a race of all three cells on its settings and the shared model', () => {
    const client = new FakeJobs();
    const race = new RaceState(client);
    race.settings = { task: 'memory', distance: 12, steps: 50 };
    race.start();
    expect(client.started[0].request).toEqual({
      type: 'race', task: 'memory', taskParams: { k: 12 }, cells: ['rnn', 'lstm', 'gru'], steps: 50, ...RACE_MODEL,
    });
    expect([race.job.status, race.plannedSteps, race.results]).toEqual(['running', 50, null]);
    race.dispose();
  });

  it('fills each cell’s track from its ticks, keeps the results when done, and redraws at the next frame', async () => {
    const client = new FakeJobs();
    const race = new RaceState(client);
    race.start();
    const version = race.version;
    client.emit(tick('lstm', 2));
    client.emit({ type: 'progress', done: 3, total: 1200, elapsedMs: 20 });
    expect(race.tracks.lstm.loss).toEqual([{ x: 2, y: 0.5 }]);
    expect(race.tracks.lstm.testAccuracy).toEqual([{ x: 2, y: 0.75 }]);
    expect(race.tracks.lstm.grid.rows).toBe(1);
    expect(race.tracks.rnn.grid.rows).toBe(0);
    await vi.waitFor(() => expect(race.version).toBe(version + 1));
    client.emit({ type: 'done', durationMs: 900, results });
    expect([race.job.status, race.job.durationMs, race.results]).toEqual(['done', 900, results]);
    race.dispose();
  });

  it('a new race starts from empty tracks, and the cancelled race’s late ticks and results do not reach it', () => {
    const client = new FakeJobs();
    const race = new RaceState(client);
    race.start();
    const first = client.lastId;
    client.emit(tick('rnn', 2), first);
    race.start();
    expect(client.cancelled).toEqual([first]);
    expect(race.tracks.rnn.grid.rows).toBe(0);
    client.emit(tick('rnn', 4), first);
    client.emit({ type: 'done', durationMs: 5, results }, first);
    expect(race.tracks.rnn.loss).toEqual([]);
    expect([race.job.status, race.results]).toEqual(['running', null]);
    race.dispose();
  });

  it('cancel mid-race keeps what was drawn and shows cancelled', () => {
    const client = new FakeJobs();
    const race = new RaceState(client);
    race.start();
    client.emit(tick('gru', 2));
    race.job.cancel();
    client.emit(tick('gru', 4));
    expect(race.job.status).toBe('cancelled');
    expect(race.tracks.gru.loss).toHaveLength(1);
    race.dispose();
  });

  it('keeps each cell’s per-unit gradients of the latest step the worker sent, for the unit heatmap', () => {
    const client = new FakeJobs();
    const race = new RaceState(client);
    race.start();
    expect([race.tracks.gru.units.rows, race.tracks.gru.units.cols]).toEqual([0, 0]);
    const dh = [
      [0.1, -0.2],
      [0.3, 0.4],
      [-1, 0],
    ];
    client.emit({ ...tick('gru', 2), latestDh: { step: 2, dh } });
    const units = race.tracks.gru.units;
    expect([units.step, units.rows, units.cols, units.signed(1, 1)]).toEqual([2, 2, 3, 0.4]);
    client.emit(tick('gru', 3)); // a tick without a gradient row keeps the last one
    expect(race.tracks.gru.units).toBe(units);
    expect(race.tracks.rnn.units.rows).toBe(0);
    race.dispose();
  });
});
