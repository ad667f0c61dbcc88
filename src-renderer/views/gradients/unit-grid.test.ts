import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { fillPixels } from './heatmap-paint';
import { describeUnits, UnitGrid, unitGridOf } from './unit-grid';

/** ∂L/∂h_t for T = 3 steps of H = 2 units: row t−1 is the vector at t. */
const DH = [
  [0.001, -0.01],
  [0, 0.1],
  [-1, 10],
];

describe('UnitGrid', () => {
  it('transposes [T][H] into rows = hidden units, columns = time steps, each cell log10 |∂L/∂h_t[j]|', () => {
    const g = new UnitGrid(42, DH);
    expect(g.rows).toBe(2);
    expect(g.cols).toBe(3);
    expect(g.value(0, 0)).toBeCloseTo(-3, 12);
    expect(g.value(1, 0)).toBeCloseTo(-2, 12); // the sign is dropped: colour shows size
    expect(g.value(1, 2)).toBeCloseTo(1, 12);
    expect(g.signed(0, 2)).toBe(-1);
  });
  it('leaves exact zeros and cells outside the grid empty (NaN), and spans the finite values', () => {
    const g = new UnitGrid(1, DH);
    expect(g.value(0, 1)).toBeNaN();
    expect(g.value(2, 0)).toBeNaN();
    expect(g.value(0, 3)).toBeNaN();
    expect(g.extent()).toEqual([expect.closeTo(-3, 12), expect.closeTo(1, 12)]);
  });
  it('is empty for a step without per-unit gradients (an older trainer) and for no step at all', () => {
    expect(unitGridOf(null).rows).toBe(0);
    const g = unitGridOf({ step: 7, dh: undefined });
    expect([g.rows, g.cols, g.extent()]).toEqual([0, 0, null]);
    expect(describeUnits(g, 'Units')).toBe('Units: no per-unit gradients recorded yet.');
  });
  it('exports one CSV line per cell with the signed gradient and log10 of its size', () => {
    const rows = parseCsv(unitGridOf({ step: 9, dh: DH }).toCsv());
    expect(rows[0]).toEqual(['training_step', 't', 'unit', 'grad', 'log10_abs_grad']);
    expect(rows).toHaveLength(1 + 6);
    expect(rows[1]).toEqual(['9', '1', '1', '0.001', expect.stringMatching(/^-3|^-2\.99/)]);
    expect(rows[3]).toEqual(['9', '2', '1', '0', '']); // zero gradient: no log
    expect(rows[6].slice(0, 4)).toEqual(['9', '3', '2', '10']);
  });
  it('paints one pixel per (unit, t), filling every cell with a value', () => {
    const g = new UnitGrid(1, DH);
    const lut = new Uint8ClampedArray(256 * 4).fill(9);
    const data = new Uint8ClampedArray(g.rows * g.cols * 4);
    expect(fillPixels(data, g, [-3, 1], lut)).toBe(5);
  });
  it('describes the strongest unit and the median unit at both ends of the sequence', () => {
    const text = describeUnits(new UnitGrid(5, DH), 'Units');
    expect(text).toContain('training step 5, 2 units × 3 time steps');
    expect(text).toContain('largest |∂L/∂h_t[j]| is 10 (unit 2, t = 3)');
    expect(text).toContain('at t = 1 and 10 at t = 3');
  });
});
