/**
 * "What to notice" under the connectivity panel, computed from one row of the matrix (one output step):
 * how few of the most recent words carry 90% of the weight, and which word carries the most and how far back
 * it is. Pure numbers; the sentence is a catalogue message with these as placeholders.
 */
import type { Attribution } from '../../../src-shared/protocol/attribution';

/** Share of the weight the "recent words" sentence accounts for. */
export const NOTICE_SHARE = 0.9;

export interface RowNotice {
  /** The output step t (1-based) the row stands for. */
  readonly step: number;
  /** Fewest most recent words (ending at t) that carry at least NOTICE_SHARE of the row's weight. */
  readonly recentWords: number;
  /** Words the output could depend on: s = 1..t (all S for a bidirectional or encoder-decoder row). */
  readonly span: number;
  /** The word with the largest weight, its 1-based position, and how many steps before t it stands (0 = at t). */
  readonly peakToken: string;
  readonly peakAt: number;
  readonly peakBack: number;
  /** The peak word's share of the row's weight, 0..1. */
  readonly peakShare: number;
}

/** The notice for row `row` of the attribution, or null when the row carries no weight at all. */
export function rowNotice(a: Attribution, row: number): RowNotice | null {
  const weights = a.matrix[row];
  const step = a.outputSteps[row];
  if (!weights || step === undefined) return null;
  // Left to right, nothing after t can matter; a row with weight past t (bidirectional, decoder) spans all of it.
  const last = weights.some((w, s) => s >= step && w > 0) ? weights.length : Math.min(step, weights.length);
  let total = 0;
  for (let s = 0; s < last; s++) total += weights[s];
  if (!(total > 0)) return null;
  let acc = 0;
  let recentWords = last;
  for (let k = 1; k <= last; k++) {
    acc += weights[last - k];
    if (acc >= NOTICE_SHARE * total) {
      recentWords = k;
      break;
    }
  }
  let peak = 0;
  for (let s = 1; s < last; s++) if (weights[s] > weights[peak]) peak = s;
  return {
    step,
    recentWords,
    span: last,
    peakToken: a.inputTokens[peak] ?? '?',
    peakAt: peak + 1,
    peakBack: last - 1 - peak,
    peakShare: weights[peak] / total,
  };
}
