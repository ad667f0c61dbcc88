/**
 * The comparison's callout, computed from the three verdict rows: how much of each cell's verdict comes from the
 * last few words, where its peak lies, and which of the cells that learned the task reaches furthest back.
 */
import type { CellKind } from '../../../src-shared/engine/types';
import type { Attribution } from '../../../src-shared/protocol/attribution';

/** "The last RECENT_WORDS words": the near field the callout measures against. */
export const RECENT_WORDS = 4;
/** Held-out accuracy from which a cell counts as having learned the task (the sentiment task's target). */
export const LEARNED = 0.95;

export interface Horizon {
  readonly cell: CellKind;
  readonly testAccuracy: number;
  /** Share of the verdict's attribution on the last RECENT_WORDS words, 0..1. */
  readonly recentShare: number;
  /** The word with the largest attribution and how many steps before the verdict it stands (0 = the last word). */
  readonly peakToken: string;
  readonly peakBack: number;
  readonly learned: boolean;
}

/** One cell's numbers from its verdict row (the last row), or null when that row carries no weight. */
export function horizonOf(cell: CellKind, a: Attribution, testAccuracy: number): Horizon | null {
  const w = a.matrix[a.matrix.length - 1];
  if (!w || w.length === 0) return null;
  const total = w.reduce((s, x) => s + x, 0);
  if (!(total > 0)) return null;
  const recent = w.slice(-RECENT_WORDS).reduce((s, x) => s + x, 0);
  let peak = 0;
  for (let s = 1; s < w.length; s++) if (w[s] > w[peak]) peak = s;
  return {
    cell, testAccuracy, recentShare: recent / total, peakToken: a.inputTokens[peak] ?? '?', peakBack: w.length - 1 - peak,
    learned: testAccuracy >= LEARNED,
  };
}

/**
 * Of the cells that learned the task, the one drawing the most weight from beyond the last RECENT_WORDS words
 * (`far`) and the one drawing the least (`near`); null with fewer than two learned cells.
 */
export function reachComparison(hs: readonly Horizon[]): { far: Horizon; near: Horizon } | null {
  const learned = hs.filter((h) => h.learned);
  if (learned.length < 2) return null;
  const byReach = [...learned].sort((a, b) => a.recentShare - b.recentShare);
  const far = byReach[0];
  const near = byReach[byReach.length - 1];
  return far.recentShare === near.recentShare ? null : { far, near };
}
