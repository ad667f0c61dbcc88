import { describe, expect, it } from 'vitest';
import { createModel } from './model';
import { paramCount, paramParts } from './model-shape';
import { testConfig } from './test-fixtures';
import type { CellKind, ModelConfig, ProblemShape } from './types';

const cells: CellKind[] = ['rnn', 'lstm', 'gru'];
const shapes: ProblemShape[] = ['many-to-one', 'many-to-many', 'encoder-decoder', 'one-to-many'];

describe('paramCount(config) counts without building the model', () => {
  it('equals the real model\'s count over every cell × layers × direction × shape', () => {
    let configs = 0;
    for (const cell of cells) for (const layers of [1, 2] as const) for (const bidirectional of [false, true]) for (const shape of shapes) {
      const config: ModelConfig = testConfig({ cell, layers, bidirectional, shape, inputSize: 7, hiddenSize: 5, outputSize: 4 });
      const model = createModel(config, 'f64');
      const real = model.params().reduce((n, p) => n + p.value.length, 0);
      expect(paramCount(config), JSON.stringify({ cell, layers, bidirectional, shape })).toBe(real);
      expect(model.paramCount).toBe(real);
      const parts = paramParts(config);
      expect(parts.chains.reduce((n, c) => n + c.count, 0) + parts.head.count).toBe(real);
      configs++;
    }
    expect(configs).toBe(48);
    // and the regression head: one output
    const reg = testConfig({ loss: 'mse', outputSize: 1, shape: 'many-to-one', cell: 'gru', layers: 2 });
    expect(paramCount(reg)).toBe(createModel(reg, 'f64').params().reduce((n, p) => n + p.value.length, 0));
  });

  it('spells out each chain: a GRU has three blocks and its own bhn, H more than 3·(H·I + H·H + H)', () => {
    const [chain] = paramParts(testConfig({ cell: 'gru', inputSize: 30, hiddenSize: 24, outputSize: 2 })).chains;
    expect(chain).toEqual({ chain: 'l0.fwd', cell: 'gru', inputSize: 30, hiddenSize: 24, gates: 3, count: 3 * (24 * 30 + 24 * 24 + 24) + 24 });
  });

  it('one-to-many reads I + O + 1 columns, an encoder-decoder\'s decoder O + 1 with state H·dirs', () => {
    const o2m = paramParts(testConfig({ shape: 'one-to-many', inputSize: 36, hiddenSize: 24, outputSize: 25 }));
    expect(o2m.chains.map((c) => c.inputSize)).toEqual([36 + 25 + 1]);
    expect(paramCount(testConfig({ shape: 'one-to-many', inputSize: 36, hiddenSize: 24, outputSize: 25 }))).toBe(24 * 62 + 24 * 24 + 24 + 25 * 24 + 25);
    const ed = paramParts(testConfig({ shape: 'encoder-decoder', bidirectional: true, layers: 2, inputSize: 9, hiddenSize: 4, outputSize: 6 }));
    expect(ed.chains.map((c) => [c.chain, c.inputSize, c.hiddenSize])).toEqual([
      ['l0.fwd', 9, 4], ['l0.bwd', 9, 4], ['l1.fwd', 8, 4], ['l1.bwd', 8, 4], ['dec.l0.fwd', 7, 8], ['dec.l1.fwd', 8, 8],
    ]);
    expect(ed.head.inputSize).toBe(8);
  });

  it('rejects a config createModel would reject, with the same message', () => {
    expect(() => paramCount(testConfig({ hiddenSize: 0 }))).toThrow(/hiddenSize must be a whole number/);
  });
});
