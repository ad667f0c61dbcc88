import { describe, expect, it } from 'vitest';
import { RACE_TRACE_EVERY, type RaceRequest } from '../protocol/job-messages';
import { raceJob, type JobOutput } from './jobs';

const RACE: RaceRequest = {
  type: 'race', task: 'memory', taskParams: { k: 3 }, cells: ['rnn', 'gru'], steps: 6,
  hiddenSize: 5, batchSize: 4, learningRate: 0.01, seed: 3,
};

function runRace(flushEvery: () => boolean): JobOutput[] {
  const out: JobOutput[] = [];
  const job = raceJob(RACE, (o) => out.push(o), flushEvery);
  while (!job.next().done);
  return out;
}

describe('raceJob', () => {
  it('sends with each tick the per-unit gradients ∂L/∂h_t ([T][H]) of its latest gradient row', () => {
    const ticks = runRace(() => true).filter((o) => o.type === 'race-tick');
    expect(ticks.length).toBeGreaterThan(0);
    for (const tick of ticks) {
      if (tick.dhRows.length === 0) {
        expect(tick.latestDh).toBeUndefined();
        continue;
      }
      const row = tick.dhRows.at(-1)!;
      const latest = tick.latestDh!;
      expect(latest.step).toBe(row.step);
      expect(latest.dh).toHaveLength(row.dhNorms.length);
      latest.dh.forEach((v, t) => {
        expect(v).toHaveLength(RACE.hiddenSize);
        expect(Math.hypot(...v)).toBeCloseTo(row.dhNorms[t], 9); // row t−1 has norm ‖∂L/∂h_t‖
      });
    }
  });

  it('sends only the latest step’s per-unit gradients when a tick carries several gradient rows', () => {
    const ticks = runRace(() => false).filter((o) => o.type === 'race-tick');
    expect(ticks.map((t) => t.cell)).toEqual(['rnn', 'gru']); // one flush at the end
    for (const tick of ticks) {
      expect(tick.dhRows).toHaveLength(RACE.steps / RACE_TRACE_EVERY);
      expect(tick.latestDh?.step).toBe(tick.dhRows.at(-1)?.step);
    }
  });
});
