import { describe, expect, it } from 'vitest';
import { createModel } from './model';
import { createOptimizer } from './optimizer';
import { createEngineRng } from './rng';
import { testConfig } from './test-fixtures';
import type { Example, ModelConfig } from './types';

/** Train with Adam for `steps` batches drawn from `data`; return held-out accuracy on `data`. */
function train(config: ModelConfig, data: Example[], steps: number, lr = 0.05): number {
  const m = createModel(config);
  const opt = createOptimizer({ kind: 'adam', learningRate: lr, momentum: 0, clipNorm: 5 }, m);
  const rng = createEngineRng(1);
  for (let s = 0; s < steps; s++) {
    const batch = Array.from({ length: 8 }, () => data[rng.int(data.length)]);
    m.forwardBackward(batch, { trace: false, truncate: 0 });
    opt.step(m);
  }
  const r = m.evaluate(data);
  return r.correct / r.total;
}

function sequences(n: number, len: (i: number) => number, vocab: number, seed: number): number[][] {
  const r = createEngineRng(seed);
  return Array.from({ length: n }, (_, i) => Array.from({ length: len(i) }, () => r.int(vocab)));
}

describe('the four shapes learn their toy tasks', () => {
  it('many-to-one: the class of the first token, read through a sequence of varying length', () => {
    const data = sequences(64, (i) => 2 + (i % 5), 4, 2).map((input) => ({ input, target: [input[0] % 2] }));
    const acc = train(testConfig({ cell: 'gru', inputSize: 4, hiddenSize: 12, outputSize: 2, shape: 'many-to-one' }), data, 150);
    expect(acc).toBeGreaterThan(0.95);
  });
  it('many-to-many, bidirectional: tag each token with the next token (needs the future)', () => {
    const data = sequences(64, (i) => 3 + (i % 4), 4, 3).map((input) => ({ input, target: input.map((_, t) => input[t + 1] ?? 0) }));
    const acc = train(testConfig({ cell: 'lstm', inputSize: 4, hiddenSize: 12, outputSize: 4, bidirectional: true }), data, 250);
    expect(acc).toBeGreaterThan(0.95);
  });
  it('encoder-decoder: reverse a sequence (greedy decoding in evaluate)', () => {
    const data = sequences(64, (i) => 2 + (i % 3), 4, 4).map((input) => ({ input, target: [...input].reverse() }));
    const acc = train(testConfig({ cell: 'lstm', inputSize: 4, hiddenSize: 24, outputSize: 4, shape: 'encoder-decoder' }), data, 400, 0.03);
    expect(acc).toBeGreaterThan(0.9);
  });
  it('one-to-many: count up from the seed, modulo the vocabulary', () => {
    const data = Array.from({ length: 5 }, (_, s) => ({ input: [s], target: Array.from({ length: 6 }, (_, t) => (s + t + 1) % 5) }));
    const acc = train(testConfig({ cell: 'gru', inputSize: 5, hiddenSize: 12, outputSize: 5, shape: 'one-to-many' }), data, 200);
    expect(acc).toBe(1);
  });
});

describe('predict(example, opts)', () => {
  const cfg = testConfig({ shape: 'encoder-decoder', inputSize: 4, outputSize: 4 });
  it('decodes target.length steps when the example has a target, else 2 × input length', () => {
    const m = createModel(cfg);
    expect(m.predict({ input: [1, 2, 3], target: [0, 1] })).toHaveLength(2);
    expect(m.predict({ input: [1, 2, 3], target: [] })).toHaveLength(6);
    expect(m.predict({ input: [1, 2, 3], target: [] }, { maxLength: 4 })).toHaveLength(4);
  });
  it('stops after the stop token when one is given', () => {
    const m = createModel(cfg);
    const free = m.predict({ input: [1, 2], target: [] }, { maxLength: 8 });
    const stop = free[2];
    const cut = m.predict({ input: [1, 2], target: [] }, { maxLength: 8, stopToken: stop });
    expect(cut).toEqual(free.slice(0, free.indexOf(stop) + 1));
  });
  it('returns one class for many-to-one', () => {
    const m = createModel(testConfig({ shape: 'many-to-one' }));
    expect(m.predict({ input: [1, 2, 3], target: [] })).toHaveLength(1);
  });
});
