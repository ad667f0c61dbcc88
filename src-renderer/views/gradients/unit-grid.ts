/**
 * The per-unit view of one training step: row j is hidden unit j, column t is time step t, each cell
 * log10 |∂L/∂h_t[j]|. Where the step heatmap shows how much error signal reaches each t, this one shows
 * which units carry it.
 */
import { toCsv } from './csv';
import { formatSci } from '../../i18n/format';
import { t } from '../../i18n/i18n.svelte';
import { log10Norm } from './gradient-grid';
import { gridExtent, type GridSource } from './heatmap-paint';

export class UnitGrid implements GridSource {
  /** H: hidden units (rows). */
  readonly rows: number;
  /** T: time steps (columns). */
  readonly cols: number;

  /** `dh` is ∂L/∂h_t as [T][H] (StepDetail.dh), recorded at training step `step`. */
  constructor(readonly step: number, private readonly dh: readonly (readonly number[])[]) {
    this.cols = dh.length;
    this.rows = dh.reduce((h, row) => Math.max(h, row.length), 0);
  }

  /** ∂L/∂h_t[j] for unit j = r and t = c + 1 (0-based), NaN outside the grid. */
  signed(r: number, c: number): number {
    return this.dh[c]?.[r] ?? NaN;
  }

  /** log10 |∂L/∂h_t[j]|; NaN where the gradient is exactly zero or missing. */
  value(r: number, c: number): number {
    return log10Norm(Math.abs(this.signed(r, c)));
  }

  /** Smallest and largest finite value, or null when no cell has one. */
  extent(): [number, number] | null {
    return gridExtent(this);
  }

  /** Long format, one line per cell: the signed gradient and log10 of its size. */
  toCsv(): string {
    const out: (number | string)[][] = [];
    for (let c = 0; c < this.cols; c++) {
      for (let r = 0; r < this.rows; r++) {
        const g = this.signed(r, c);
        if (Number.isFinite(g)) out.push([this.step, c + 1, r + 1, g, this.value(r, c)]);
      }
    }
    return toCsv([t('csv.trainingStep'), t('csv.t'), t('csv.unit'), t('csv.grad'), t('csv.log10AbsGrad')], out);
  }
}

/** The latest step's grid, or an empty one when the trainer sent no per-unit gradients. */
export function unitGridOf(detail: { step: number; dh?: number[][] } | null): UnitGrid {
  return new UnitGrid(detail?.step ?? 0, detail?.dh ?? []);
}

/**
 * Text alternative: which unit carries the most signal, and how the units share it at the two ends of the sequence.
 * "At training step 120, 16 units × 20 time steps: the largest |∂L/∂h_t[j]| is 0.31 (unit 4, t = 20). …"
 */
export function describeUnits(grid: UnitGrid, who: string): string {
  if (grid.rows === 0 || grid.cols === 0) return t('grad.units.empty', { who });
  let best = { r: -1, c: -1, v: -Infinity };
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      const v = grid.value(r, c);
      if (v > best.v) best = { r, c, v };
    }
  }
  const head = t('grad.units.head', { who, step: grid.step, rows: grid.rows, cols: grid.cols });
  if (best.r < 0) return t('grad.units.zero', { head });
  const median = (c: number): number => {
    const xs: number[] = [];
    for (let r = 0; r < grid.rows; r++) xs.push(Math.abs(grid.signed(r, c)));
    xs.sort((a, b) => a - b);
    return xs[xs.length >> 1];
  };
  return t('grad.units.summary', {
    head, max: formatSci(10 ** best.v), unit: best.r + 1, t: best.c + 1,
    first: formatSci(median(0)), last: formatSci(median(grid.cols - 1)), T: grid.cols,
  });
}
