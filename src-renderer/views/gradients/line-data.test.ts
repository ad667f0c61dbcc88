import { describe, expect, it } from 'vitest';
import type { Series } from './chart-types';
import { parseCsv } from './csv';
import { cursorStops, describeSeries, nearestIndex, seriesCsv, xDomainOf, yDomainOf } from './line-data';

const a: Series = { id: 'a', label: 'A', colour: '#000', values: [{ x: 1, y: 1e-4 }, { x: 2, y: 0.5 }, { x: 3, y: 20 }] };
const b: Series = { id: 'b', label: 'B', colour: '#111', values: [{ x: 2, y: 1 }, { x: 4, y: -1 }] };

describe('line chart data', () => {
  it('a log y domain covers whole decades and ignores non-positive values', () => {
    expect(yDomainOf([a, b], true)).toEqual([1e-4, 100]);
  });
  it('a linear y domain includes zero and any guide lines', () => {
    expect(yDomainOf([b], false, [5])).toEqual([-1, 5]);
  });
  it('the x domain spans every series, and an empty chart still has one', () => {
    expect(xDomainOf([a, b])).toEqual([1, 4]);
    expect(xDomainOf([])).toEqual([0, 1]);
  });
  it('the keyboard cursor stops at each distinct x and snaps to the nearest', () => {
    const xs = cursorStops([a, b]);
    expect(xs).toEqual([1, 2, 3, 4]);
    expect(nearestIndex(xs, 2.4)).toBe(1);
    expect(nearestIndex(xs, 3.6)).toBe(3);
  });
  it('exports wide CSV with an empty cell where a series has no point', () => {
    expect(parseCsv(seriesCsv([a, b], 'step'))).toEqual([
      ['step', 'A', 'B'], ['1', '0.0001', ''], ['2', '0.5', '1'], ['3', '20', ''], ['4', '', '-1'],
    ]);
  });
  it('summarises each series in words', () => {
    expect(describeSeries([a], 'step', 'norm')).toContain('A: norm goes from 1 × 10⁻⁴ at step 1 to 20 at step 3');
  });
});
