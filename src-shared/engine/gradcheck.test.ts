import { describe, expect, it } from 'vitest';
import { createModel } from './model';
import { gradCheck } from './gradcheck';
import { testConfig as config } from './test-fixtures';
import type { Activation, CellKind, Example, LossKind, ModelConfig, ProblemShape } from './types';

/** Three examples of different lengths, so the batch is padded and masked. */
function batchFor(shape: ProblemShape): Example[] {
  const inputs = [[1, 4, 2, 0], [3, 0], [2, 2, 1]];
  const tgt = (n: number, k: number): number[] => Array.from({ length: n }, (_, t) => (t * 2 + k) % 3);
  switch (shape) {
    case 'many-to-one':
      return inputs.map((input, k) => ({ input, target: [k % 3] }));
    case 'many-to-many':
      return inputs.map((input, k) => ({ input, target: tgt(input.length, k) }));
    case 'encoder-decoder':
      return inputs.map((input, k) => ({ input, target: tgt([3, 1, 2][k], k) }));
    case 'one-to-many':
      return inputs.map((input, k) => ({ input: [input[0]], target: tgt([3, 1, 4][k], k) }));
  }
}

function check(over: Partial<ModelConfig>, truncate = 0): void {
  const c = config(over);
  const model = createModel(c, 'f64');
  // Nudge the biases off zero so every code path (e.g. relu's kink, GRU's bhn) carries a gradient.
  for (const p of model.params()) if (p.shape.length === 1) for (let i = 0; i < p.value.length; i++) p.value[i] += 0.05 * Math.sin(i + 1);
  const r = gradCheck(model, batchFor(c.shape), { truncate });
  expect(r.checked).toBeGreaterThan(0);
  if (r.maxRelError >= 1e-5) throw new Error(`worst ${JSON.stringify(r.worst)}`);
}

const cells: [CellKind, Activation][] = [['rnn', 'tanh'], ['rnn', 'relu'], ['rnn', 'linear'], ['lstm', 'tanh'], ['gru', 'tanh']];
const shapes: ProblemShape[] = ['many-to-one', 'many-to-many', 'encoder-decoder', 'one-to-many'];
const losses: LossKind[] = ['softmax-ce', 'mse'];

describe('BPTT gradients match central finite differences (float64, ε = 1e-5, relative error < 1e-5)', () => {
  for (const [cell, activation] of cells) {
    for (const shape of shapes) {
      it(`${cell}/${activation}, ${shape}, one layer`, () => check({ cell, activation, shape }));
      it(`${cell}/${activation}, ${shape}, two layers, bidirectional`, () => check({ cell, activation, shape, layers: 2, bidirectional: true }));
    }
  }
  for (const loss of losses) {
    for (const shape of shapes) {
      it(`${loss} loss, ${shape}, lstm two layers`, () => check({ cell: 'lstm', loss, shape, layers: 2 }));
    }
  }
  it('mse regression with one output (many-to-one)', () => {
    const model = createModel(config({ loss: 'mse', outputSize: 1, shape: 'many-to-one', cell: 'gru' }), 'f64');
    const r = gradCheck(model, [{ input: [1, 2, 3], target: [0.7] }, { input: [4], target: [-0.3] }]);
    expect(r.maxRelError).toBeLessThan(1e-5);
  });
  it('scalar inputs (inputSize 1) are fed as their value', () => {
    const model = createModel(config({ inputSize: 1, shape: 'many-to-many', cell: 'lstm' }), 'f64');
    const r = gradCheck(model, [{ input: [0.5, -1.2, 2], target: [0, 1, 2] }, { input: [0.1], target: [2] }]);
    expect(r.maxRelError).toBeLessThan(1e-5);
  });
  for (const cell of ['rnn', 'lstm', 'gru'] as CellKind[]) {
    it(`truncated BPTT (k = 2) is the exact gradient of the chunked graph: ${cell}, bidirectional two layers`, () => {
      // With truncation the analytic gradient is *not* the full gradient, so compare against it differently:
      // a window at least as long as the sequence must reproduce full BPTT exactly.
      const c = config({ cell, layers: 2, bidirectional: true });
      const ex = batchFor('many-to-many');
      const a = createModel(c, 'f64');
      const b = createModel(c, 'f64');
      a.forwardBackward(ex, { trace: false, truncate: 0 });
      b.forwardBackward(ex, { trace: false, truncate: 4 });
      const ga = a.params().map((p) => Array.from(p.grad));
      const gb = b.params().map((p) => Array.from(p.grad));
      expect(gb).toEqual(ga);
      b.forwardBackward(ex, { trace: false, truncate: 2 });
      const gc = b.params().flatMap((p) => Array.from(p.grad));
      expect(gc).not.toEqual(ga.flat());
    });
  }
});
