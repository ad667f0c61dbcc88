import { describe, expect, it } from 'vitest';
import { paramBreakdown } from './param-count';

describe('paramBreakdown', () => {
  it('vanilla: H·I + H·H + H for the cell and O·H + O for the output', () => {
    const p = paramBreakdown('rnn', 8, 5, 3);
    expect(p.cell).toBe(8 * 5 + 64 + 8);
    expect(p.output).toBe(3 * 8 + 3);
    expect(p.total).toBe(p.cell + p.output);
    expect(p.cellFormula).toBe('H·I + H·H + H = 8·5 + 8·8 + 8 = 112');
  });

  it('LSTM has four blocks and GRU three', () => {
    expect(paramBreakdown('lstm', 8, 5, 3).cell).toBe(4 * 112);
    expect(paramBreakdown('gru', 8, 5, 3).cell).toBe(3 * 112);
    expect(paramBreakdown('lstm', 24, 30, 2).cellFormula).toMatch(/^4·\(H·I \+ H·H \+ H\) = 4·\(24·30/);
  });

  it('bidirectional doubles the cells and the output reads 2H', () => {
    const p = paramBreakdown('rnn', 8, 5, 3, { bidirectional: true });
    expect(p.total).toBe(2 * 112 + 3 * 16 + 3);
    expect(p.outputFormula).toBe('O·2H + O = 3·16 + 3 = 51');
  });

  it('a second layer reads the first layer’s state', () => {
    const p = paramBreakdown('rnn', 8, 5, 3, { layers: 2 });
    expect(p.total).toBe(112 + (8 * 8 + 64 + 8) + 27);
  });
});
