import { describe, expect, it } from 'vitest';
import { locale } from '../../i18n/i18n.svelte';
import { parseCsv } from './csv';
import { GradientGrid, log10Norm, MAX_COLS } from './gradient-grid';
import { decades, describeGrid } from './grid-summary';

describe('GradientGrid', () => {
  it('stores log10 of each norm, one row per step, NaN for zero or missing norms', () => {
    const g = new GradientGrid(4);
    g.push(1, [1, 0.1, 0]);
    g.push(2, [10]);
    expect(g.rows).toBe(2);
    expect(g.cols).toBe(3);
    expect(g.value(0, 1)).toBeCloseTo(-1, 6);
    expect(g.value(0, 2)).toBeNaN();
    expect(g.value(1, 0)).toBeCloseTo(1, 6);
    expect(g.value(1, 1)).toBeNaN();
    expect(g.extent()).toEqual([expect.closeTo(-1, 6), expect.closeTo(1, 6)]);
  });

  it('halves its rows at the cap and then records every other step, keeping the newest exact', () => {
    const g = new GradientGrid(4);
    for (let s = 1; s <= 9; s++) g.push(s, [s]);
    expect(g.stride).toBe(4);
    expect(g.rows).toBe(3);
    expect([0, 1, 2].map((r) => g.step(r))).toEqual([1, 5, 9]);
    expect(g.value(2, 0)).toBeCloseTo(Math.log10(9), 6);
  });

  it('caps columns at the engine sequence limit', () => {
    const g = new GradientGrid(2);
    g.push(1, new Array(MAX_COLS + 20).fill(1));
    expect(g.cols).toBe(MAX_COLS);
  });

  it('exports long-format CSV with the plain and log norm', () => {
    const g = new GradientGrid(2);
    g.push(3, [0.01, 1]);
    const rows = parseCsv(g.toCsv());
    expect(rows[0]).toEqual(['training_step', 't', 'log10_grad_norm', 'grad_norm']);
    expect(rows).toHaveLength(3);
    expect(Number(rows[1][2])).toBeCloseTo(-2, 5);
    expect(Number(rows[1][3])).toBeCloseTo(0.01, 6);
  });

  it('describes how much of the signal reaches the first step', () => {
    const g = new GradientGrid(4);
    g.push(1, [1e-6, 1e-3, 1]);
    expect(describeGrid(g, 'RNN')).toMatch(/t = 1 and 1 at t = 3.*1 × 10⁻⁶ times/);
    // One recorded step is one, in every language; two are plural.
    expect(describeGrid(g, 'RNN')).toMatch(/^RNN, 1 recorded step up to training step 1:/);
    locale.set('fr');
    expect(describeGrid(g, 'RNN')).toMatch(/^RNN, 1 pas enregistré jusqu’au/);
    locale.set('es');
    expect(describeGrid(g, 'RNN')).toMatch(/^RNN, 1 paso registrado hasta/);
    g.push(2, [1e-6, 1e-3, 1]);
    expect(describeGrid(g, 'RNN')).toMatch(/^RNN, 2 pasos registrados hasta/);
    locale.set('en');
    expect(describeGrid(g, 'RNN')).toMatch(/^RNN, 2 recorded steps up to training step 2:/);
    expect(decades(g.extent())).toEqual([-6, 0]);
    expect(log10Norm(-1)).toBeNaN();
  });
});
