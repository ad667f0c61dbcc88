/**
 * The RNN / LSTM / GRU comparison of connectivity: the cells are trained in lock-step on the sentiment task
 * (same data, seed and batches; only the cell differs), and every `every` steps, and after the last, each cell's
 * exact connectivity a[t][s] = |⟨∂y_{t,ĉ}/∂x_s, x_s⟩| (engine/attribution.ts) of one fixed held-out review is sent
 * with the cell's held-out accuracy at that point. The review is the same for every cell and every tick, so the
 * three pictures differ only by what each cell has learned.
 */
import type { Example } from '../engine/types';
import type { Attribution } from '../protocol/attribution';
import type { AttributionRequest } from '../protocol/job-messages';
import { Run } from '../session/run';
import { attributionExample } from './attribution-example';
import { DivergedError, evaluateInChunks, trainingConfig, type Emit, type Job } from './jobs';

/** The run's connectivity of `ex`, as the protocol carries it (tokens as text). */
export function attributionOf(run: Run, ex: Example): Attribution {
  const c = run.model.connectivity(ex);
  return {
    inputTokens: ex.input.map((id) => run.task.inputVocab[id] ?? '?'),
    outputTokens: c.predicted.map((id) => run.task.outputVocab[id] ?? '?'),
    outputSteps: c.outputSteps,
    matrix: c.matrix,
  };
}

export { attributionExample };

export function* attributionJob(cmd: AttributionRequest, emit: Emit): Job {
  const runs = cmd.cells.map((cell) => ({ cell, run: new Run(trainingConfig(cmd, 'sentiment', { gap: cmd.gap }, cell)) }));
  const example = attributionExample(runs[0].run.task);
  let done = 0;
  const results = [];
  const finals: { testAccuracy: number; testLoss: number }[] = runs.map(() => ({ testAccuracy: NaN, testLoss: NaN }));
  for (let s = 1; s <= cmd.steps; s++) {
    for (let i = 0; i < runs.length; i++) {
      const { cell, run } = runs[i];
      const outcome = run.trainStep(false);
      if (outcome.kind === 'diverged') throw new DivergedError(cell, outcome.quantity);
      done++;
      if (s % cmd.every === 0 || s === cmd.steps) {
        const e = yield* evaluateInChunks(run, done);
        finals[i] = e;
        emit({ type: 'attribution-tick', cell, step: run.step, testAccuracy: e.testAccuracy, attribution: attributionOf(run, example) });
      }
      yield done;
    }
  }
  for (let i = 0; i < runs.length; i++) {
    const { cell, run } = runs[i];
    results.push({ cell, testAccuracy: finals[i].testAccuracy, testLoss: finals[i].testLoss, steps: run.step });
  }
  emit({ type: 'done', durationMs: 0, results });
}
