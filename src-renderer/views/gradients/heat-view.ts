/**
 * What a gradient heatmap card shows in each of its two modes, so the live run and the race build them alike:
 * y = training step (‖∂L/∂h_t‖ of every recorded step) or y = hidden unit (|∂L/∂h_t[j]| of the latest step).
 */
import { t } from '../../i18n/i18n.svelte';
import type { GradientGrid } from './gradient-grid';
import { describeGrid } from './grid-summary';
import type { GridSource } from './heatmap-paint';
import { describeUnits, type UnitGrid } from './unit-grid';

export type HeatMode = 'steps' | 'units';

export interface HeatView {
  /** For test ids and export file names. */
  readonly id: string;
  readonly title: string;
  readonly grid: GridSource;
  /** Smallest and largest finite log10 value, or null when the grid has none. */
  readonly extent: [number, number] | null;
  /** Text alternative computed from the grid. */
  readonly summary: string;
  /** The chart's accessible name. */
  readonly label: string;
  readonly yLabel: string;
  readonly valueLabel: string;
  /** Rows the heatmap is sized for, so it stays put while rows arrive. */
  readonly capacityRows: number;
  rowLabel(r: number): string;
  rowTick(r: number): string;
  csv(): string;
}

/** Rows are recorded training steps, columns time steps: how much error signal reaches each t as training goes on. */
export function stepsView(grid: GradientGrid, id: string, title: string): HeatView {
  return {
    id, title, grid, extent: grid.extent(), summary: describeGrid(grid, title),
    label: t('grad.heat.stepsLabel', { title }), yLabel: t('grad.heat.stepsY'), valueLabel: '‖∂L/∂h_t‖',
    capacityRows: grid.maxRows, rowLabel: (r) => t('grad.heat.stepRow', { n: grid.step(r) }), rowTick: (r) => String(grid.step(r)), csv: () => grid.toCsv(),
  };
}

/** Rows are hidden units, columns time steps, of one training step: which units carry the signal. */
export function unitsView(units: UnitGrid, id: string, title: string): HeatView {
  return {
    id, title, grid: units, extent: units.extent(), summary: describeUnits(units, title),
    label: t('grad.heat.unitsLabel', { title }), yLabel: t('grad.heat.unitsY'), valueLabel: '|∂L/∂h_t[j]|',
    capacityRows: units.rows, rowLabel: (r) => t('grad.heat.unitRow', { n: r + 1 }), rowTick: (r) => String(r + 1), csv: () => units.toCsv(),
  };
}
