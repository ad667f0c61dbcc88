import { describe, expect, it } from 'vitest';
import { COMPARE_DEFAULTS } from '../../src-shared/jobs/attribution-compare';
import { attributionJob } from '../../src-shared/jobs/attribution-job';
import type { JobOutput } from '../../src-shared/jobs/jobs';
import { JobChannel } from '../backend/job-channel';
import { FakeJobLink } from '../testing/fake-job-link';
import { ATTRIBUTION_EXPERIMENT, attributionRequest, decodeWord, encodeWord, measureWords, wordChoices, wordOutcome, wordVars } from './attribution-question';
import { RACE_EXPERIMENT } from './experiments';
import { runExperiment } from './predict-runner';
import { buildItem } from './quiz-build';
import { isCorrect } from './scoring';

/** The real job, shortened: the same review and the same exact attribution as the quiz's run, in fewer steps. */
function lstmVerdict(seed: number, steps = 20): { tokens: string[]; verdict: number[]; accuracy: number } {
  const out: JobOutput[] = [];
  const job = attributionJob({ ...attributionRequest(seed), steps, every: steps }, (o) => out.push(o));
  while (!job.next().done);
  const tick = out.find((o) => o.type === 'attribution-tick');
  if (tick?.type !== 'attribution-tick') throw new Error('no attribution sent');
  return { tokens: tick.attribution.inputTokens, verdict: tick.attribution.matrix[0], accuracy: tick.testAccuracy };
}

describe('the connectivity question (which word will the LSTM’s verdict depend on most?)', () => {
  it('offers four distinct words of the very review the run measures: the “but”, both clauses’ last words, the final word', () => {
    for (const seed of [7, 11]) {
      const c = wordChoices(seed);
      expect(c.tokens).toEqual(lstmVerdict(seed, 2).tokens);
      expect(new Set(c.positions).size).toBe(4);
      const [but, opening, verdict, last] = c.positions;
      expect(c.tokens[but]).toBe('but');
      expect(c.tokens[opening + 1]).toBe(',');
      expect(opening).toBeLessThan(but);
      expect(verdict).toBeGreaterThan(but);
      expect([',', '.']).toContain(c.tokens[verdict + 1]);
      expect(last).toBe(c.tokens.length - 1);
      const vars = wordVars(c);
      expect([vars.wa, vars.pa]).toEqual(['but', but + 1]);
    }
  });

  it('is right exactly when the learner picked the offered word with the largest share of the run’s verdict', () => {
    const seed = 7;
    const c = wordChoices(seed);
    const { verdict } = lstmVerdict(seed);
    const { shares, peak } = measureWords(verdict, c);
    const total = verdict.reduce((a, b) => a + b, 0);
    shares.forEach((s, i) => expect(s).toBeCloseTo(verdict[c.positions[i]] / total, 12));
    expect(verdict[peak]).toBe(Math.max(...verdict));
    const best = wordOutcome(shares);
    const item = buildItem('predict-attribution', 1);
    expect(item.options).toEqual(['a', 'b', 'c', 'd']);
    for (const choice of item.options) {
      const stored = encodeWord({ choice, shares, peak, seed });
      expect(decodeWord(stored)?.choice).toBe(choice);
      expect(isCorrect(item, stored)).toBe(choice === best);
    }
    expect(isCorrect(item, 'a|0.9|0.1|7')).toBe(false);
  });

  it('at the comparison’s gap and steps, the default seed’s run gives the four words clearly different shares', () => {
    expect([ATTRIBUTION_EXPERIMENT.gap, ATTRIBUTION_EXPERIMENT.steps]).toEqual([COMPARE_DEFAULTS.gap, COMPARE_DEFAULTS.steps]);
    const seed = RACE_EXPERIMENT.seed;
    const c = wordChoices(seed);
    const { tokens, verdict, accuracy } = lstmVerdict(seed, ATTRIBUTION_EXPERIMENT.steps);
    expect(tokens).toEqual(c.tokens);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
    const shares = measureWords(verdict, c).shares.map((s) => s * 100);
    const sorted = [...shares].sort((a, b) => b - a);
    // The winner leads by far; no two of the four are within half a point of each other.
    expect(sorted[0] - sorted[1], shares.join(' ')).toBeGreaterThan(20);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1] - sorted[i], shares.join(' ')).toBeGreaterThan(0.5);
  });

  it('runs the LSTM as a trainer-host job and resolves with its verdict row and held-out accuracy', async () => {
    const port = new FakeJobLink();
    const job = runExperiment(new JobChannel(port), 'attribution', 7, () => {});
    expect(port.commands).toEqual([{ type: 'start', id: 1, request: attributionRequest(7) }]);
    const attribution = { inputTokens: ['a', 'b'], outputTokens: ['positive'], outputSteps: [2], matrix: [[0.25, 0.75]] };
    port.deliver({ type: 'attribution-tick', id: 1, cell: 'lstm', step: 300, testAccuracy: 0.98, attribution });
    port.deliver({ type: 'done', id: 1, durationMs: 5, results: [{ cell: 'lstm', testAccuracy: 0.98, testLoss: 0.05, steps: 300 }] });
    await expect(job.promise).resolves.toEqual({ accFirst: 0.98, accSecond: NaN, seed: 7, verdict: [0.25, 0.75] });
  });
});
