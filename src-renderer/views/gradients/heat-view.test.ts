import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { GradientGrid } from './gradient-grid';
import { stepsView, unitsView } from './heat-view';
import { UnitGrid } from './unit-grid';

describe('heat views', () => {
  it('steps: rows are recorded training steps, sized to the grid cap, valued ‖∂L/∂h_t‖', () => {
    const grid = new GradientGrid(10);
    grid.push(4, [0.01, 0.1, 1]);
    grid.push(6, [0.001, 0.1, 10]);
    const v = stepsView(grid, 'race-heat-rnn', 'Vanilla RNN: ‖∂L/∂h_t‖');
    expect([v.grid.rows, v.grid.cols, v.capacityRows]).toEqual([2, 3, 10]);
    expect([v.rowLabel(1), v.rowTick(1), v.yLabel, v.valueLabel]).toEqual(['step 6', '6', 'training step ↓', '‖∂L/∂h_t‖']);
    expect(v.extent).toEqual([expect.closeTo(-3, 6), expect.closeTo(1, 6)]);
    expect(v.label).toBe('Vanilla RNN: ‖∂L/∂h_t‖: gradient norm by time step and training step');
    expect(v.summary).toContain('2 recorded steps up to training step 6');
    expect(parseCsv(v.csv())[0]).toEqual(['training_step', 't', 'log10_grad_norm', 'grad_norm']);
  });

  it('units: rows are hidden units of one step, sized to the unit count, valued |∂L/∂h_t[j]|', () => {
    const units = new UnitGrid(8, [
      [0.5, -0.01, 0],
      [2, 0.1, -0.001],
    ]);
    const v = unitsView(units, 'race-units-lstm', 'LSTM: |∂L/∂h_t[j]|, latest step');
    expect([v.grid.rows, v.grid.cols, v.capacityRows]).toEqual([3, 2, 3]);
    expect(v.grid.value(1, 0)).toBeCloseTo(-2, 12);
    expect([v.rowLabel(0), v.rowTick(2), v.yLabel, v.valueLabel]).toEqual(['unit 1', '3', 'hidden unit j', '|∂L/∂h_t[j]|']);
    expect(v.extent).toEqual([expect.closeTo(-3, 12), expect.closeTo(Math.log10(2), 12)]);
    expect(v.label).toBe('LSTM: |∂L/∂h_t[j]|, latest step: gradient size by time step and hidden unit');
    expect(v.summary).toContain('training step 8, 3 units × 2 time steps');
    expect(parseCsv(v.csv())[0]).toEqual(['training_step', 't', 'unit', 'grad', 'log10_abs_grad']);
  });
});
