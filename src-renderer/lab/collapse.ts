/**
 * Whether a running model's held-out accuracy has collapsed: fallen far below the best it reached in this run
 * (a vanilla RNN on Memory reaches 100% and then falls to 36% around step 21k). Far below means at least
 * COLLAPSE_DROP points under the best and under COLLAPSE_RATIO of it, so the ordinary wobble of a run that
 * is still learning (0.62 → 0.55) is not called a collapse.
 */
import type { EvalResult } from '../../src-shared/protocol/trainer-messages';

export const COLLAPSE_DROP = 0.25;
export const COLLAPSE_RATIO = 0.75;

export interface BestAccuracy {
  readonly accuracy: number;
  readonly step: number;
}

export interface Collapse {
  readonly best: number;
  readonly bestStep: number;
  readonly now: number;
  readonly step: number;
}

/** The best held-out accuracy so far, given the previous best and a new evaluation. */
export function bestOf(best: BestAccuracy | null, result: EvalResult): BestAccuracy {
  return best && best.accuracy >= result.testAccuracy ? best : { accuracy: result.testAccuracy, step: result.step };
}

export function collapseOf(best: BestAccuracy | null, latest: EvalResult | null): Collapse | null {
  if (!best || !latest) return null;
  const now = latest.testAccuracy;
  if (best.accuracy - now < COLLAPSE_DROP || now >= best.accuracy * COLLAPSE_RATIO) return null;
  return { best: best.accuracy, bestStep: best.step, now, step: latest.step };
}
