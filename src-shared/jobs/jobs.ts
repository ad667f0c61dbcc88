/**
 * The trainer host's jobs as generators: each yields after every training step, so the driver (job-runner.ts) can
 * stop after a few milliseconds, let the training session and the inbox have the thread, and send what it has. Every model in a job sees
 * the same task data, seed and batches; only the cell (or the direction) differs.
 */
import type { CellKind } from '../engine/types';
import { RACE_EVAL_EVERY, RACE_TRACE_EVERY, type AttributionRequest, type BidirRequest, type HorizonRequest, type JobEvent, type RaceRequest } from '../protocol/job-messages';
import type { EvalResult } from '../protocol/trainer-messages';
import type { TrainingConfig } from '../protocol/training-config';
import { Run } from '../session/run';
import { AMBIGUOUS_WORDS } from '../tasks/index';
import type { TaskId } from '../tasks/types';

/** A model's loss or gradient stopped being a finite number: the job ends and says which cell and quantity. */
export class DivergedError extends Error {
  constructor(readonly cell: CellKind, readonly quantity: string) {
    super(`${cell} diverged (${quantity})`);
  }
}

/** What a job emits besides its progress (the runner adds the job id). */
export type JobOutput = JobEvent extends infer E ? (E extends { id: number } ? Omit<E, 'id'> : never) : never;
export type Emit = (out: JobOutput) => void;
/** Every yield is a pause point; the number says how many training steps the job has done in all. */
export type Job = Generator<number, void, void>;
/** Held-out examples scored between two yields. */
const EVAL_CHUNK = 32;

interface Common {
  hiddenSize: number;
  batchSize: number;
  learningRate: number;
  seed: number;
}

export function trainingConfig(
  c: Common, task: TaskId, taskParams: Record<string, number>, cell: CellKind, bidirectional = false,
): TrainingConfig {
  return {
    task, taskParams, cell, activation: 'tanh', hiddenSize: c.hiddenSize, layers: 1, bidirectional,
    optimizer: 'adam', learningRate: c.learningRate, momentum: 0.9, clipNorm: 5, batchSize: c.batchSize,
    seed: c.seed, initKind: 'xavier', spectralRadius: 1, truncateBptt: 0,
  };
}

/** Total steps a job will run, for its progress bar. */
export function jobTotal(cmd: RaceRequest | HorizonRequest | BidirRequest | AttributionRequest): number {
  switch (cmd.type) {
    case 'race':
      return cmd.steps * cmd.cells.length;
    case 'horizon':
      return cmd.steps * cmd.cells.length * cmd.ks.length;
    case 'bidir':
      return cmd.steps * 2;
    case 'attribution':
      return cmd.steps * cmd.cells.length;
  }
}

/** What one cell of a race has to send since its last tick. */
type RaceTickData = Omit<Extract<JobOutput, { type: 'race-tick' }>, 'type' | 'cell'>;

/** Vanilla RNN, LSTM and GRU trained in lock-step, one step each in turn. */
export function* raceJob(cmd: RaceRequest, emit: Emit, flushEvery: () => boolean): Job {
  const runs = cmd.cells.map((cell) => ({ cell, run: new Run(trainingConfig(cmd, cmd.task, cmd.taskParams, cell)) }));
  const empty = (): RaceTickData => ({ points: [], dhRows: [], evals: [] });
  const pending = runs.map(empty);
  const flush = () => {
    runs.forEach(({ cell }, i) => {
      const p = pending[i];
      if (p.points.length + p.dhRows.length + p.evals.length === 0) return;
      emit({ type: 'race-tick', cell, ...p });
      pending[i] = empty();
    });
  };
  let done = 0;
  /** Each cell's latest held-out score (the last step is always scored, so this is its final one). */
  const scores: (EvalResult | null)[] = runs.map(() => null);
  for (let s = 0; s < cmd.steps; s++) {
    for (let i = 0; i < runs.length; i++) {
      const { run } = runs[i];
      const outcome = run.trainStep(s % RACE_TRACE_EVERY === 0);
      if (outcome.kind === 'diverged') throw new DivergedError(runs[i].cell, outcome.quantity);
      const { point, detail } = outcome;
      pending[i].points.push({ step: point.step, loss: point.loss, accuracy: point.accuracy });
      if (detail) pending[i].dhRows.push({ step: point.step, dhNorms: detail.dhNorms });
      // Only the latest per-unit gradients go out: the unit heatmap shows one step, and [T][H] per row would be heavy.
      if (detail?.dh) pending[i].latestDh = { step: point.step, dh: detail.dh };
      if (point.step % RACE_EVAL_EVERY === 0 || s === cmd.steps - 1) {
        const e = yield* evaluateInChunks(run, done);
        scores[i] = e;
        pending[i].evals.push({ step: e.step, testAccuracy: e.testAccuracy, testLoss: e.testLoss });
      }
      yield ++done;
    }
    if (flushEvery()) flush();
  }
  flush();
  const results = [];
  for (let i = 0; i < runs.length; i++) {
    const { cell, run } = runs[i];
    const e = scores[i] ?? (yield* evaluateInChunks(run, done));
    results.push({ cell, testAccuracy: e.testAccuracy, testLoss: e.testLoss, steps: run.step });
  }
  emit({ type: 'done', durationMs: 0, results });
}

/**
 * Score `run` on its held-out set a chunk of examples at a time, yielding between chunks (with the step count
 * unchanged), so an evaluation never holds the thread for long: the Lab's session and the inbox get their turn.
 */
export function* evaluateInChunks(run: Run, done: number): Generator<number, EvalResult, void> {
  const evaluation = run.startEvaluation();
  for (;;) {
    const result = evaluation.advance(EVAL_CHUNK);
    if (result) return result;
    yield done;
  }
}

/** For each distance k (smallest first) and each cell: a short run on the task, then its held-out accuracy. */
export function* horizonJob(cmd: HorizonRequest, emit: Emit): Job {
  let done = 0;
  for (const k of [...cmd.ks].sort((a, b) => a - b)) {
    for (const cell of cmd.cells) {
      const run = new Run(trainingConfig(cmd, cmd.task, cmd.task === 'memory' ? { k } : { gap: k }, cell));
      for (let s = 0; s < cmd.steps; s++) {
        const outcome = run.trainStep(false);
        if (outcome.kind === 'diverged') break;
        yield ++done;
      }
      const e = yield* evaluateInChunks(run, done);
      emit({ type: 'horizon-point', cell, k, testAccuracy: e.testAccuracy });
    }
  }
  emit({ type: 'done', durationMs: 0, results: [] });
}

/** Forward-only and bidirectional models on part-of-speech tagging, scored per word position. */
export function* bidirJob(cmd: BidirRequest, emit: Emit): Job {
  let done = 0;
  for (const bidirectional of [false, true]) {
    const run = new Run(trainingConfig(cmd, 'pos-tagging', {}, cmd.cell, bidirectional));
    for (let s = 0; s < cmd.steps; s++) {
      const outcome = run.trainStep(false);
      if (outcome.kind === 'diverged') break;
      yield ++done;
    }
    emit({ type: 'bidir-result', bidirectional, ...positionAccuracy(run) });
  }
  emit({ type: 'done', durationMs: 0, results: [] });
}

/** Held-out accuracy at each word position, overall, and on the words only the next word disambiguates. */
export function positionAccuracy(run: Run): { accuracy: number[]; counts: number[]; ambiguousAccuracy: number; overall: number } {
  const test = run.task.test;
  const { outputs } = run.model.evaluate(test);
  const correct: number[] = [];
  const counts: number[] = [];
  let amb = 0;
  let ambOk = 0;
  test.forEach((ex, i) => {
    ex.target.forEach((tag, t) => {
      const ok = outputs[i]?.[t] === tag ? 1 : 0;
      correct[t] = (correct[t] ?? 0) + ok;
      counts[t] = (counts[t] ?? 0) + 1;
      if (AMBIGUOUS_WORDS.has(run.task.inputVocab[ex.input[t]] ?? '')) {
        amb++;
        ambOk += ok;
      }
    });
  });
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    accuracy: counts.map((n, t) => correct[t] / n),
    counts,
    ambiguousAccuracy: amb > 0 ? ambOk / amb : NaN,
    overall: total > 0 ? correct.reduce((a, b) => a + b, 0) / total : NaN,
  };
}
