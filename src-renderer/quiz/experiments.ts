import type { OptionId } from './questions';

/**
 * The known-good seeded runs behind the predict-then-check questions (and the presenter's demos).
 * Measured to finish in seconds in the browser worker; the outcome is whatever the run shows.
 */
export const RACE_EXPERIMENT = { k: 50, steps: 200, hiddenSize: 16, batchSize: 16, learningRate: 0.01, seed: 7 } as const;
export const BIDIR_EXPERIMENT = { cell: 'lstm', steps: 200, hiddenSize: 24, batchSize: 16, learningRate: 0.01, seed: 7 } as const;
/** Accuracies closer than this many percentage points count as "about the same". */
export const MARGIN_POINTS = 5;

/** Which option the run proves right: 'a' first model ahead, 'b' second ahead, 'c' within the margin. */
export function outcomeOption(accFirst: number, accSecond: number, marginPoints = MARGIN_POINTS): OptionId {
  const diff = (accFirst - accSecond) * 100;
  if (Math.abs(diff) <= marginPoints) return 'c';
  return diff > 0 ? 'a' : 'b';
}

/** A finished predict question: the learner's choice and what the run showed (accuracies 0..1). */
export interface PredictAnswer {
  readonly choice: OptionId;
  readonly accFirst: number;
  readonly accSecond: number;
  readonly seed: number;
}

/** Stored in the quiz document as "a|0.9550|0.4100|7" (well under its 200-character cap). */
export function encodePredict(a: PredictAnswer): string {
  return `${a.choice}|${a.accFirst.toFixed(4)}|${a.accSecond.toFixed(4)}|${a.seed}`;
}

export function decodePredict(s: string): PredictAnswer | null {
  const m = /^([abcd])\|([\d.]+)\|([\d.]+)\|(\d+)$/.exec(s);
  if (!m) return null;
  return { choice: m[1] as OptionId, accFirst: Number(m[2]), accSecond: Number(m[3]), seed: Number(m[4]) };
}
