/**
 * The predict-then-check question on connectivity: "which of these four words will the LSTM's verdict depend on
 * most?". The four words come from the review the attribution job follows (its task data is generated from the
 * run's seed, so the page knows the words before the run); the run's exact connectivity of that review decides.
 */
import { COMPARE_DEFAULTS, COMPARE_MODEL } from '../../src-shared/jobs/attribution-compare';
import { attributionExample } from '../../src-shared/jobs/attribution-example';
import type { AttributionRequest } from '../../src-shared/protocol/job-messages';
import { makeTask } from '../../src-shared/tasks/index';
import type { OptionId, Vars } from './questions';

/**
 * The run behind the question: an LSTM alone, with the comparison's model, gap and steps (attribution-compare.ts), so
 * the quiz and the Gradients screen show the same review. Measured with the real job at the default seed 7
 * (attribution-question.test.ts keeps it true): 100% held out, and the four words take 0.5%, 1.3%, 4.6% and 40.9% of
 * the verdict, the final word 36 points ahead; the former gap 8 and 300 steps gave 21.0%, 18.7%, 4.8% and 20.2%.
 */
export const ATTRIBUTION_EXPERIMENT = {
  gap: COMPARE_DEFAULTS.gap,
  steps: COMPARE_DEFAULTS.steps,
  hiddenSize: COMPARE_MODEL.hiddenSize,
  batchSize: COMPARE_MODEL.batchSize,
  learningRate: COMPARE_MODEL.learningRate,
} as const;
export const WORD_OPTIONS: readonly OptionId[] = ['a', 'b', 'c', 'd'];

export function attributionRequest(seed: number): AttributionRequest {
  const { gap, steps, hiddenSize, batchSize, learningRate } = ATTRIBUTION_EXPERIMENT;
  return { type: 'attribution', cells: ['lstm'], gap, steps, every: steps, hiddenSize, batchSize, learningRate, seed };
}

export interface WordChoices {
  /** The review's words. */
  readonly tokens: readonly string[];
  /** 0-based positions of options a, b, c, d: the "but", the opening clause's last word, the verdict clause's last word, the final word. */
  readonly positions: readonly number[];
}

/** The review of the run with this seed and the four words offered. */
export function wordChoices(seed: number): WordChoices {
  const task = makeTask('sentiment', { gap: ATTRIBUTION_EXPERIMENT.gap }, seed);
  const ex = attributionExample(task);
  const tokens = ex.input.map((id) => task.inputVocab[id] ?? '?');
  const but = tokens.lastIndexOf('but');
  const last = tokens.length - 1;
  let verdict = but + 1;
  while (verdict + 1 < last && tokens[verdict + 1] !== ',' && tokens[verdict + 1] !== '.') verdict++;
  const picks = [but, Math.max(0, but - 2), verdict, last];
  // Distinct places; a review too short for four keeps the first words not yet offered.
  const positions: number[] = [];
  for (const p of picks) if (p >= 0 && !positions.includes(p)) positions.push(p);
  for (let p = 0; positions.length < 4 && p < tokens.length; p++) if (!positions.includes(p)) positions.push(p);
  return { tokens, positions };
}

/** The option texts' slots: wa…wd (the words) and pa…pd (their 1-based places), plus the review itself. */
export function wordVars(c: WordChoices): Vars {
  const vars: Record<string, string | number> = { review: c.tokens.join(' '), words: c.tokens.length };
  WORD_OPTIONS.forEach((o, i) => {
    vars[`w${o}`] = c.tokens[c.positions[i]] ?? '?';
    vars[`p${o}`] = (c.positions[i] ?? 0) + 1;
  });
  return vars;
}

/** A checked answer: the learner's option, each option word's share of the verdict's attribution, the peak's place. */
export interface WordAnswer {
  readonly choice: OptionId;
  readonly shares: readonly number[];
  /** 0-based place of the word with the largest attribution in the whole review. */
  readonly peak: number;
  readonly seed: number;
}

/** The verdict row's shares at the four places, and the row's peak. */
export function measureWords(verdict: readonly number[], c: WordChoices): { shares: number[]; peak: number } {
  const total = verdict.reduce((s, x) => s + x, 0);
  let peak = 0;
  for (let s = 1; s < verdict.length; s++) if (verdict[s] > verdict[peak]) peak = s;
  return { shares: c.positions.map((p) => (total > 0 ? (verdict[p] ?? 0) / total : 0)), peak };
}

/** The option the run proves right: the word with the largest share (the first on a tie). */
export function wordOutcome(shares: readonly number[]): OptionId {
  let best = 0;
  for (let i = 1; i < shares.length; i++) if (shares[i] > shares[best]) best = i;
  return WORD_OPTIONS[best];
}

/** Stored as "w|b|0.0800|0.1000|0.0200|0.6400|23|7": kind, choice, four shares, peak place, seed. */
export function encodeWord(a: WordAnswer): string {
  return `w|${a.choice}|${a.shares.map((s) => s.toFixed(4)).join('|')}|${a.peak}|${a.seed}`;
}

export function decodeWord(s: string): WordAnswer | null {
  const m = /^w\|([abcd])\|([\d.]+)\|([\d.]+)\|([\d.]+)\|([\d.]+)\|(\d+)\|(\d+)$/.exec(s);
  if (!m) return null;
  return { choice: m[1] as OptionId, shares: [m[2], m[3], m[4], m[5]].map(Number), peak: Number(m[6]), seed: Number(m[7]) };
}
