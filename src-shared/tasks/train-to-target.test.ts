/**
 * The promise behind every TaskSpec.targetAccuracy: the default model (LSTM, H = 24, Adam lr 0.01,
 * batch 16, seed 42) reaches it on held-out data within a bounded number of steps.
 * Plus the two comparisons the lesson relies on: bidirectional beats forward-only on tagging, and an LSTM
 * keeps a long-range "not" that a vanilla RNN loses.
 */
import { describe, expect, it } from 'vitest';
import type { Example, ModelConfig } from '../engine/types';
import { createModel, createOptimizer } from '../engine/index';
import { createRng } from './random';
import { makeTask, TASK_IDS } from './index';
import type { TaskData, TaskId } from './types';

interface RunOptions {
  readonly cell?: ModelConfig['cell'];
  readonly bidirectional?: boolean;
  readonly maxSteps: number;
  /** Stop early once held-out accuracy reaches this. */
  readonly stopAt: number;
  readonly evalEvery?: number;
  readonly timeBudgetMs?: number;
  readonly seed?: number;
}

/** Train like the app's first-launch defaults and return the best held-out accuracy seen and when. */
function train(data: TaskData, o: RunOptions): { accuracy: number; steps: number; ms: number } {
  const model = createModel({
    cell: o.cell ?? 'lstm',
    activation: 'tanh',
    inputSize: data.inputVocab.length,
    hiddenSize: 24,
    outputSize: data.outputVocab.length,
    layers: 1,
    bidirectional: o.bidirectional ?? false,
    shape: data.spec.shape,
    loss: data.spec.loss,
    init: { kind: 'xavier', spectralRadius: 1 },
    seed: o.seed ?? 42,
  });
  const optimizer = createOptimizer({ kind: 'adam', learningRate: 0.01, momentum: 0.9, clipNorm: 5 }, model);
  const rng = createRng(42);
  const started = performance.now();
  const evalEvery = o.evalEvery ?? 50;
  let best = 0;
  let steps = 0;
  while (steps < o.maxSteps && performance.now() - started < (o.timeBudgetMs ?? 25_000)) {
    const batch: Example[] = Array.from({ length: 16 }, () => rng.pick(data.train));
    model.forwardBackward(batch, { trace: false, truncate: 0 });
    optimizer.step(model);
    steps++;
    if (steps % evalEvery === 0) {
      const tally = model.evaluate(data.test);
      best = Math.max(best, tally.correct / tally.total);
      if (best >= o.stopAt) break;
    }
  }
  return { accuracy: best, steps, ms: performance.now() - started };
}

const STEP_CAP: Record<TaskId, number> = {
  sentiment: 1500,
  'pos-tagging': 1500,
  'number-words': 3000,
  melody: 2000,
  memory: 2000,
  'char-lm': 3000,
};

describe('the default model reaches each task\'s target accuracy', () => {
  it.each(TASK_IDS)('%s', (id) => {
    const data = makeTask(id, {}, 42);
    const result = train(data, { maxSteps: STEP_CAP[id], stopAt: data.spec.targetAccuracy });
    console.info(`${id}: ${(result.accuracy * 100).toFixed(1)}% after ${result.steps} steps, ${(result.ms / 1000).toFixed(1)} s`);
    expect(result.accuracy).toBeGreaterThanOrEqual(data.spec.targetAccuracy);
  });
});

describe('the comparisons the lesson shows', () => {
  it('pos-tagging: a bidirectional LSTM beats the forward-only one', () => {
    const data = makeTask('pos-tagging', {}, 42);
    const forward = train(data, { maxSteps: 600, stopAt: 1 });
    const both = train(data, { bidirectional: true, maxSteps: 600, stopAt: 0.98 });
    console.info(`pos-tagging: forward ${forward.accuracy.toFixed(3)}, bidirectional ${both.accuracy.toFixed(3)}`);
    expect(forward.accuracy).toBeLessThan(0.95);
    expect(both.accuracy).toBeGreaterThanOrEqual(0.98);
  });

  it('sentiment with a 12-word gap: the LSTM carries the verdict to the end, the vanilla RNN does not', () => {
    const data = makeTask('sentiment', { gap: 12 }, 42);
    const lstm = train(data, { maxSteps: 600, stopAt: 0.95 });
    // One vanilla RNN run can stumble on the solution (seed 42 does on the wasm kernels, by float32 rounding alone):
    // the claim is about the typical run, so it is the median over three initialisations.
    const rnns = [42, 43, 44].map((seed) => train(data, { cell: 'rnn', maxSteps: 600, stopAt: 1, seed }).accuracy);
    const rnn = [...rnns].sort((a, b) => a - b)[1];
    console.info(`sentiment gap 12: lstm ${lstm.accuracy.toFixed(3)}, rnn ${rnns.map((a) => a.toFixed(3)).join(' ')}`);
    expect(lstm.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(rnn).toBeLessThan(0.8);
  });
});
