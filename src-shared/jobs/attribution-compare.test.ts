import { describe, expect, it } from 'vitest';
import type { CellKind } from '../engine/types';
import { attributionJob } from './attribution-job';
import { compareRequest, COMPARE_DEFAULTS, type CompareSettings } from './attribution-compare';
import { horizonOf, reachComparison, RECENT_WORDS, type Horizon } from './attribution-horizon';
import type { JobOutput } from './jobs';

/** The comparison as the Gradients screen runs it, to the end: each cell's horizon from its last tick. */
function compare(settings: CompareSettings): Record<CellKind, Horizon> {
  const out: JobOutput[] = [];
  const job = attributionJob(compareRequest(settings), (o) => out.push(o));
  while (!job.next().done);
  const last = (cell: CellKind) => out.filter((o) => o.type === 'attribution-tick' && o.cell === cell).at(-1);
  const horizon = (cell: CellKind): Horizon => {
    const tick = last(cell);
    if (tick?.type !== 'attribution-tick') throw new Error(`no tick for ${cell}`);
    expect(tick.step).toBe(settings.steps);
    return horizonOf(cell, tick.attribution, tick.testAccuracy)!;
  };
  return { rnn: horizon('rnn'), lstm: horizon('lstm'), gru: horizon('gru') };
}

describe('the RNN / LSTM / GRU comparison, run with the engine', () => {
  it('at its default gap the vanilla RNN visibly fails to reach back while the LSTM and the GRU carry the verdict', () => {
    const h = compare(COMPARE_DEFAULTS);
    expect(h.rnn.learned).toBe(false);
    expect(h.rnn.testAccuracy).toBeLessThan(0.7);
    expect(h.rnn.recentShare).toBeGreaterThan(0.8); // nearly all its weight on the last 4 words
    for (const cell of ['lstm', 'gru'] as const) {
      expect(h[cell].learned, cell).toBe(true);
      expect(h[cell].recentShare, cell).toBeLessThan(0.5);
      // The peak lies before the comma and the filler: on the verdict clause or further back.
      expect(h[cell].peakBack, cell).toBeGreaterThan(COMPARE_DEFAULTS.gap + 1);
    }
    const reach = reachComparison(Object.values(h))!;
    expect(reach).not.toBeNull();
    expect([reach.far.cell, reach.near.cell].sort()).toEqual(['gru', 'lstm']);
  });

  it('at a short gap all three learn, and the closing "." does not make the LSTM look near-sighted', () => {
    const h = compare({ gap: 4, steps: COMPARE_DEFAULTS.steps });
    for (const cell of ['rnn', 'lstm', 'gru'] as const) expect(h[cell].learned, cell).toBe(true);
    // The LSTM's largest a[t][s] is on the "." (measured: 52% of its row); left out, its peak lies well before the filler.
    expect(h.lstm.peakToken).not.toBe('.');
    expect(h.lstm.peakBack).toBeGreaterThan(RECENT_WORDS);
    // The vanilla RNN keeps to the filler right before the end: it is the near one.
    expect(reachComparison(Object.values(h))?.near.cell).toBe('rnn');
  });
});
