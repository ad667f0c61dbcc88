/** Text alternatives for gradient heatmaps, computed from the grid. */
import { formatSci } from '../../i18n/format';
import { t } from '../../i18n/i18n.svelte';
import { tCount } from '../../i18n/plural';
import type { GradientGrid } from './gradient-grid';

/**
 * How strongly the latest gradients reach the start of the sequence compared with its end:
 * "at the latest steps ‖∂L/∂h_t‖ is 3.1 × 10⁻⁸ at t = 1 and 0.42 at t = 22, a ratio of 7.4 × 10⁻⁸".
 */
export function describeGrid(grid: GradientGrid, who: string): string {
  if (grid.rows === 0) return t('grad.heat.empty', { who });
  const profile = grid.recentProfile(10);
  const firstT = profile.findIndex(Number.isFinite);
  let lastT = profile.length - 1;
  while (lastT >= 0 && !Number.isFinite(profile[lastT])) lastT--;
  if (firstT < 0 || lastT < 0) return t('grad.heat.noFinite', { who });
  const a = 10 ** profile[firstT];
  const b = 10 ** profile[lastT];
  const span = grid.extent();
  const range = span ? ' ' + t('grad.heat.range', { lo: formatSci(10 ** span[0]), hi: formatSci(10 ** span[1]) }) : '';
  const vars = { who, step: grid.step(grid.rows - 1), first: formatSci(a), firstT: firstT + 1, last: formatSci(b), lastT: lastT + 1 };
  return tCount('grad.heat.summary', grid.rows, { ...vars, ratio: formatSci(a / b) }) + range;
}

/** A colour domain snapped out to whole decades, so the legend changes rarely while a run fills the grid. */
export function decades(extent: readonly [number, number] | null): [number, number] {
  if (!extent) return [-3, 0];
  const lo = Math.floor(extent[0]);
  const hi = Math.ceil(extent[1]);
  return lo === hi ? [lo - 1, hi] : [lo, hi];
}

/** One colour domain for heatmaps shown side by side (whole decades over all their extents), so their colours compare. */
export function sharedDecades(extents: readonly ([number, number] | null)[]): [number, number] {
  const spans = extents.filter((e) => e !== null);
  if (spans.length === 0) return decades(null);
  return decades([Math.min(...spans.map((e) => e[0])), Math.max(...spans.map((e) => e[1]))]);
}
