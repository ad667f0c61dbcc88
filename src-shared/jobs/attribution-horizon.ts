/**
 * The comparison's callout, computed from the three verdict rows: how much of each cell's verdict comes from the
 * last few words, where its peak lies, and which of the cells that learned the task reaches furthest back.
 *
 * The verdict is read at the review's last token (its closing "."), and that token is left out of every measure
 * here: the same "." ends every review, so its gradient × input says how strongly the cell reacts to the moment of
 * the verdict, not which words the verdict was carried from (the LSTM's largest a[t][s] is often on it).
 */
import type { CellKind } from '../engine/types';
import type { Attribution } from '../protocol/attribution';

/** "The last RECENT_WORDS words" before the closing token: the near field the callout measures against. */
export const RECENT_WORDS = 4;
/** Held-out accuracy from which a cell counts as having learned the task (the sentiment task's target). */
export const LEARNED = 0.95;

export interface Horizon {
  readonly cell: CellKind;
  readonly testAccuracy: number;
  /** The token the verdict is read at (the closing "."), left out of the shares and the peak. */
  readonly endToken: string;
  /** Share of the attribution on the words before `endToken` that lies on the last RECENT_WORDS of them, 0..1. */
  readonly recentShare: number;
  /** The word before `endToken` with the largest attribution, and how many steps before the verdict it stands (≥ 1). */
  readonly peakToken: string;
  readonly peakBack: number;
  readonly learned: boolean;
}

/** One cell's numbers from its verdict row (the last row), or null when the words before its last carry no weight. */
export function horizonOf(cell: CellKind, a: Attribution, testAccuracy: number): Horizon | null {
  const row = a.matrix[a.matrix.length - 1];
  if (!row || row.length < 2) return null;
  const w = row.slice(0, -1);
  const total = w.reduce((s, x) => s + x, 0);
  if (!(total > 0)) return null;
  const recent = w.slice(-RECENT_WORDS).reduce((s, x) => s + x, 0);
  let peak = 0;
  for (let s = 1; s < w.length; s++) if (w[s] > w[peak]) peak = s;
  return {
    cell, testAccuracy, endToken: a.inputTokens[row.length - 1] ?? '?', recentShare: recent / total,
    peakToken: a.inputTokens[peak] ?? '?', peakBack: row.length - 1 - peak, learned: testAccuracy >= LEARNED,
  };
}

/**
 * Of the cells that learned the task, the one drawing the most weight from beyond the last RECENT_WORDS words
 * (`far`) and the one drawing the least (`near`). Null with fewer than two learned cells, when they draw alike, or
 * when the furthest one's peak still lies among the last RECENT_WORDS words (on the filler): "reaches furthest back"
 * is then not what its picture shows.
 */
export function reachComparison(hs: readonly Horizon[]): { far: Horizon; near: Horizon } | null {
  const learned = hs.filter((h) => h.learned);
  if (learned.length < 2) return null;
  const byReach = [...learned].sort((a, b) => a.recentShare - b.recentShare);
  const far = byReach[0];
  const near = byReach[byReach.length - 1];
  if (far.recentShare === near.recentShare || far.peakBack <= RECENT_WORDS) return null;
  return { far, near };
}
