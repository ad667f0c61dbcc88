import { describe, expect, it } from 'vitest';
import { createModel, type SequenceModel } from './model';
import { createOptimizer } from './optimizer';
import { testConfig } from './test-fixtures';
import type { Example, ModelConfig } from './types';

/** A float64 model after `steps` full-batch Adam steps on `data`: outputs that vary, the same on every machine. */
function trained(config: ModelConfig, data: Example[], steps: number): SequenceModel {
  const m = createModel(config, 'f64');
  const opt = createOptimizer({ kind: 'adam', learningRate: 0.05, momentum: 0, clipNorm: 5 }, m);
  for (let s = 0; s < steps; s++) {
    m.forwardBackward(data, { trace: false, truncate: 0 });
    opt.step(m);
  }
  return m;
}

const reversal = [[1, 2, 3], [3, 0], [2, 2, 1, 0], [0, 1], [3, 1, 2]].map((input) => ({ input, target: [...input].reverse() }));
const counting = [0, 1, 2].map((s) => ({ input: [s], target: [1, 2, 3, 4].map((t) => (s + t) % 5) }));
const encDec = (): SequenceModel =>
  trained(testConfig({ cell: 'gru', shape: 'encoder-decoder', bidirectional: true, layers: 2, hiddenSize: 6, inputSize: 4, outputSize: 4 }), reversal, 30);
const oneToMany = (): SequenceModel => trained(testConfig({ cell: 'lstm', shape: 'one-to-many', hiddenSize: 6, inputSize: 3, outputSize: 5 }), counting, 15);

describe('greedy decoding (engine/greedy-decode.ts)', () => {
  it('decodes two small fixed models to the outputs it gave before it left model-runner.ts', () => {
    const a = encDec();
    expect([[1, 2, 3, 0], [3, 3, 1], [0, 2]].map((input) => a.predict({ input, target: [] }, { maxLength: 6 }))).toEqual([
      [0, 1, 2, 2, 2, 1],
      [2, 1, 3, 3, 2, 1],
      [1, 0, 0, 2, 2, 2],
    ]);
    // A ragged batch decodes each row for its own target length and scores it against that target.
    const batch = [{ input: [1, 2, 3, 0], target: [0, 3, 2, 1] }, { input: [2], target: [2, 1] }, { input: [3, 1, 1], target: [1, 1, 3] }];
    expect(a.evaluate(batch)).toEqual({ loss: 1.7283840788809561, correct: 6, total: 9, outputs: [[0, 1, 2, 2], [2, 1], [2, 1, 3]] });
    const b = oneToMany();
    expect([0, 1, 2].map((s) => b.predict({ input: [s], target: [] }, { maxLength: 7 }))).toEqual([
      [1, 2, 3, 4, 4, 0, 1],
      [2, 3, 4, 0, 1, 1, 2],
      [3, 4, 0, 1, 1, 2, 3],
    ]);
  });

  it('each output is the argmax the decoder gives when fed its own previous outputs (teacher forcing agrees)', () => {
    for (const [m, input] of [[encDec(), [3, 0, 2]], [oneToMany(), [1]]] as const) {
      const y = m.predict({ input, target: [] }, { maxLength: 6 });
      const r = m.forwardBackward([{ input, target: y }], { trace: false, truncate: 0 });
      expect(r.correct).toBe(6);
      expect(r.total).toBe(6);
    }
  });

  it('asks the interrupt check once per decoded step', () => {
    const m = createModel(testConfig({ cell: 'gru', shape: 'one-to-many', inputSize: 3, outputSize: 5 }));
    let asked = 0;
    m.evaluate(counting, () => (asked++, false));
    expect(asked).toBe(4);
  });
});
