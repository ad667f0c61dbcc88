/**
 * The connectivity matrix of one example as a heatmap grid: row r is output step t (its 1-based step in
 * `outputSteps`), column s−1 is input word s, each cell log10 a[t][s] with a[t][s] = |⟨∂y_{t,ĉ_t}/∂x_s, x_s⟩|
 * (engine/attribution.ts). A zero (s after t, left to right) has no logarithm and draws as an empty cell.
 * Shares are a row's weights over its sum: what each word contributes to that output's attribution.
 */
import type { Attribution } from '../../../src-shared/protocol/attribution';
import { t } from '../../i18n/i18n.svelte';
import { toCsv } from '../gradients/csv';
import { log10Norm } from '../gradients/gradient-grid';
import { gridExtent, type GridSource } from '../gradients/heatmap-paint';

export class ConnectivityGrid implements GridSource {
  readonly rows: number;
  readonly cols: number;

  constructor(readonly a: Attribution) {
    this.rows = a.matrix.length;
    this.cols = a.inputTokens.length;
  }

  /** a[t][s] for row r and column c (0-based), NaN outside the matrix. */
  raw(r: number, c: number): number {
    return this.a.matrix[r]?.[c] ?? NaN;
  }

  /** log10 a[t][s]; NaN where it is exactly zero or missing. */
  value(r: number, c: number): number {
    return log10Norm(this.raw(r, c));
  }

  /** Each word's share of row r's total weight (0..1); all zeros when the row carries none. */
  shares(r: number): number[] {
    const row = this.a.matrix[r] ?? [];
    let total = 0;
    for (const w of row) if (Number.isFinite(w)) total += w;
    return this.a.inputTokens.map((_, c) => (total > 0 && Number.isFinite(row[c]) ? row[c] / total : 0));
  }

  /** Smallest and largest finite log10 value, or null when no cell has one. */
  extent(): [number, number] | null {
    return gridExtent(this);
  }

  /** Long format, one line per (output step, input word): the tokens, a[t][s] and its share of the row. */
  toCsv(trainingStep: number): string {
    const out: (number | string)[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const shares = this.shares(r);
      for (let c = 0; c < this.cols; c++) {
        out.push([trainingStep, this.a.outputSteps[r], this.a.outputTokens[r] ?? '', c + 1, this.a.inputTokens[c], this.raw(r, c), shares[c]]);
      }
    }
    return toCsv(
      [t('csv.trainingStep'), t('attrib.csv.outputStep'), t('attrib.csv.outputToken'), t('attrib.csv.inputStep'), t('attrib.csv.inputToken'), t('attrib.csv.attribution'), t('attrib.csv.share')],
      out,
    );
  }
}
