import { describe, expect, it } from 'vitest';
import type { EvalResult } from '../../src-shared/protocol/trainer-messages';
import { bestOf, collapseOf, type BestAccuracy } from './collapse';

const evalAt = (step: number, testAccuracy: number): EvalResult => ({ step, testAccuracy, testLoss: 0, samples: [] });

function replay(accuracies: [number, number][]) {
  let best: BestAccuracy | null = null;
  let last: EvalResult | null = null;
  for (const [step, acc] of accuracies) {
    last = evalAt(step, acc);
    best = bestOf(best, last);
  }
  return collapseOf(best, last);
}

describe('collapseOf(best, latest)', () => {
  it('names the collapse of a vanilla RNN on Memory: 100% at step 9000, 36% at step 21000', () => {
    expect(replay([[1000, 0.5], [9000, 1], [15000, 0.98], [21000, 0.36]])).toEqual({ best: 1, bestStep: 9000, now: 0.36, step: 21000 });
  });

  it('says nothing while a run improves, wobbles a little, or before any evaluation', () => {
    expect(replay([[100, 0.4], [200, 0.62], [300, 0.55], [400, 0.7]])).toBeNull();
    expect(collapseOf(null, null)).toBeNull();
  });

  it('needs both a large drop and a large fraction lost: 0.40 → 0.14 is one, 0.95 → 0.72 is not', () => {
    expect(replay([[1, 0.4], [2, 0.14]])).not.toBeNull();
    expect(replay([[1, 0.95], [2, 0.72]])).toBeNull();
  });

  it('clears once the model recovers', () => {
    expect(replay([[1, 1], [2, 0.3], [3, 0.97]])).toBeNull();
  });
});
