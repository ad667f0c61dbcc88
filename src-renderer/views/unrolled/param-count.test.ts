import { describe, expect, it } from 'vitest';
import { createModel } from '../../../src-shared/engine/index';
import { testConfig } from '../../../src-shared/engine/test-fixtures';
import { paramBreakdown } from './param-count';

describe('paramBreakdown', () => {
  it('vanilla: H·I + H·H + H for the cell and O·H + O for the output', () => {
    const p = paramBreakdown({ cell: 'rnn', hiddenSize: 8 }, 'many-to-many', 5, 3);
    expect(p.cell).toBe(8 * 5 + 64 + 8);
    expect(p.output).toBe(3 * 8 + 3);
    expect(p.total).toBe(p.cell + p.output);
    expect(p.cellFormula).toBe('H·I + H·H + H = 8·5 + 8·8 + 8 = 112');
    expect(p.sum).toBe('112 + 27 = 139');
  });

  it('LSTM has four blocks; GRU three and its own bias bhn', () => {
    expect(paramBreakdown({ cell: 'lstm', hiddenSize: 8 }, 'many-to-many', 5, 3).cell).toBe(4 * 112);
    const gru = paramBreakdown({ cell: 'gru', hiddenSize: 24 }, 'many-to-many', 30, 2);
    expect(gru.cell).toBe(3 * (24 * 30 + 24 * 24 + 24) + 24);
    expect(gru.cellFormula).toBe('3·(H·I + H·H + H) + H = 3·(24·30 + 24·24 + 24) + 24 = 3,984');
    expect(paramBreakdown({ cell: 'lstm', hiddenSize: 24 }, 'many-to-many', 30, 2).cellFormula).toMatch(/^4·\(H·I \+ H·H \+ H\) = 4·\(24·30/);
  });

  it('bidirectional doubles the cells and the output reads 2H', () => {
    const p = paramBreakdown({ cell: 'rnn', hiddenSize: 8, bidirectional: true }, 'many-to-many', 5, 3);
    expect(p.total).toBe(2 * 112 + 3 * 16 + 3);
    expect(p.outputFormula).toBe('O·2H + O = 3·16 + 3 = 51');
    expect(p.sum).toBe('2 × 112 + 51 = 275');
  });

  it('a second layer reads the first layer’s state', () => {
    const p = paramBreakdown({ cell: 'rnn', hiddenSize: 8, layers: 2 }, 'many-to-many', 5, 3);
    expect(p.total).toBe(112 + (8 * 8 + 64 + 8) + 27);
    expect(p.sum).toBe('112 + 136 + 27 = 275');
  });

  it('a generator\'s cell reads I + O + 1 columns: Melody\'s sentence adds up to the 2,713 the model reports', () => {
    const p = paramBreakdown({ cell: 'rnn', hiddenSize: 24 }, 'one-to-many', 36, 25);
    expect(p.cellFormula).toBe('H·I + H·H + H = 24·62 + 24·24 + 24 = 2,088');
    expect(p.sum).toBe('2,088 + 625 = 2,713');
    expect(p.total).toBe(createModel(testConfig({ shape: 'one-to-many', inputSize: 36, hiddenSize: 24, outputSize: 25 })).paramCount);
  });

  it('adds up to the engine\'s count on every shape, with the decoder\'s cells included', () => {
    for (const shape of ['many-to-one', 'many-to-many', 'encoder-decoder', 'one-to-many'] as const) {
      for (const cell of ['rnn', 'lstm', 'gru'] as const) {
        const p = paramBreakdown({ cell, hiddenSize: 6, layers: 2, bidirectional: true }, shape, 9, 4);
        const terms = p.sum.split(' = ')[0].split(' + ').map((t) => t.split(' × ').map((x) => Number(x.replace(/,/g, ''))).reduce((a, b) => a * b));
        expect(terms.reduce((a, b) => a + b)).toBe(p.total);
        expect(p.total).toBe(createModel(testConfig({ cell, shape, layers: 2, bidirectional: true, inputSize: 9, hiddenSize: 6, outputSize: 4 }), 'f64').paramCount);
      }
    }
  });
});
