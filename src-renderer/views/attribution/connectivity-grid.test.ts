import { describe, expect, it } from 'vitest';
import type { Attribution } from '../../../src-shared/protocol/attribution';
import { parseCsv } from '../gradients/csv';
import { ConnectivityGrid } from './connectivity-grid';

// A many-to-many example whose words look like spreadsheet formulas: the CSV must keep them as text.
const A: Attribution = {
  inputTokens: ['=1+1', 'b', '@c'], outputTokens: ['x', '-y', 'z'], outputSteps: [1, 2, 3],
  matrix: [[0.5, 0, 0], [0.1, 0.3, 0], [0.01, 0.09, 0.9]],
};

describe('ConnectivityGrid', () => {
  it('is log10 a[t][s], with the zeros after t left empty', () => {
    const g = new ConnectivityGrid(A);
    expect([g.rows, g.cols]).toEqual([3, 3]);
    expect(g.value(2, 2)).toBeCloseTo(Math.log10(0.9), 12);
    expect(g.value(0, 1)).toBeNaN();
    expect(g.extent()).toEqual([-2, Math.log10(0.9)]);
  });

  it('gives each word its share of a row’s weight', () => {
    const g = new ConnectivityGrid(A);
    expect(g.shares(1)[0]).toBeCloseTo(0.25, 12);
    expect(g.shares(1)[1]).toBeCloseTo(0.75, 12);
    expect(g.shares(1)[2]).toBe(0);
    expect(g.shares(7)).toEqual([0, 0, 0]);
  });

  it('exports one CSV line per (output step, input word), formula-like tokens neutralised', () => {
    const rows = parseCsv(new ConnectivityGrid(A).toCsv(120));
    expect(rows).toHaveLength(1 + 9);
    expect(rows[0]).toHaveLength(7);
    expect(rows[1]).toEqual(['120', '1', 'x', '1', "'=1+1", '0.5', '1']);
    expect(rows[4]).toEqual(['120', '2', "'-y", '1', "'=1+1", '0.1', String(0.1 / 0.4)]);
    expect(rows[9]).toEqual(['120', '3', 'z', '3', "'@c", '0.9', String(0.9 / 1)]);
  });
});
