/**
 * Pure helpers for the line charts: domains that survive log axes and empty data, nearest-point lookup for the
 * hover/keyboard cursor, CSV in wide format, and a plain-language summary of what the curves show.
 */
import { extent } from 'd3';
import type { Series, XY } from './chart-types';
import { toCsv, type CsvValue } from './csv';
import { formatSci } from '../../i18n/format';
import { t } from '../../i18n/i18n.svelte';

/** Finite values that a log axis can show (positive) or a linear axis can show (any finite). */
export function usable(p: XY, log: boolean): boolean {
  return Number.isFinite(p.x) && Number.isFinite(p.y) && (!log || p.y > 0);
}

/** [min, max] of x over every series; [0, 1] when there is nothing to show. */
export function xDomainOf(series: readonly Series[]): [number, number] {
  const [lo, hi] = extent(series.flatMap((s) => s.values.filter((p) => Number.isFinite(p.x)).map((p) => p.x)));
  if (lo === undefined || hi === undefined) return [0, 1];
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/** [min, max] of y; for a log axis only positive values count and the domain is widened to whole decades. */
export function yDomainOf(series: readonly Series[], log: boolean, extra: readonly number[] = []): [number, number] {
  const ys = [...series.flatMap((s) => s.values.filter((p) => usable(p, log)).map((p) => p.y)), ...extra.filter((y) => !log || y > 0)];
  const [lo, hi] = extent(ys);
  if (lo === undefined || hi === undefined) return log ? [1e-3, 1] : [0, 1];
  if (log) {
    // Number('1e-4') is exactly the decimal 0.0001; 10 ** -4 is not.
    const a = Number(`1e${Math.floor(Math.log10(lo))}`);
    const b = Number(`1e${Math.ceil(Math.log10(hi))}`);
    return a === b ? [a / 10, b * 10] : [a, b];
  }
  return lo === hi ? [lo - 1, hi + 1] : [Math.min(0, lo), hi];
}

/** Sorted, de-duplicated x values of all series: the stops of the keyboard cursor. */
export function cursorStops(series: readonly Series[]): number[] {
  return [...new Set(series.flatMap((s) => s.values.map((p) => p.x)))].filter(Number.isFinite).sort((a, b) => a - b);
}

/** Index in sorted `xs` nearest to x (binary search). */
export function nearestIndex(xs: readonly number[], x: number): number {
  if (xs.length === 0) return -1;
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(xs[hi] - x) < Math.abs(xs[lo] - x) ? hi : lo;
}

/** The series' y at exactly x, or the nearest point's y when the series has no point there. */
export function valueAt(s: Series, x: number): number {
  if (s.values.length === 0) return NaN;
  let best = s.values[0];
  for (const p of s.values) if (Math.abs(p.x - x) < Math.abs(best.x - x)) best = p;
  return best.y;
}

/** Wide CSV: one row per x, one column per series (empty where a series has no point at that x). */
export function seriesCsv(series: readonly Series[], xName: string): string {
  const xs = cursorStops(series);
  const maps = series.map((s) => new Map(s.values.map((p) => [p.x, p.y])));
  const rows: CsvValue[][] = xs.map((x) => [x, ...maps.map((m) => m.get(x))]);
  return toCsv([xName, ...series.map((s) => s.label)], rows);
}

/** One sentence per series: where it starts and ends, and its extremes. */
export function describeSeries(series: readonly Series[], xName: string, yName: string): string {
  const parts: string[] = [];
  for (const s of series) {
    const pts = s.values.filter((p) => Number.isFinite(p.y));
    if (pts.length === 0) {
      parts.push(t('grad.chart.noData', { label: s.label }));
      continue;
    }
    const first = pts[0];
    const last = pts[pts.length - 1];
    let min = first;
    let max = first;
    for (const p of pts) {
      if (p.y < min.y) min = p;
      if (p.y > max.y) max = p;
    }
    parts.push(
      t('grad.chart.series', {
        label: s.label, y: yName, x: xName, first: formatSci(first.y), firstX: first.x, last: formatSci(last.y), lastX: last.x,
        min: formatSci(min.y), minX: min.x, max: formatSci(max.y), maxX: max.x,
      }),
    );
  }
  return parts.join(' ');
}
