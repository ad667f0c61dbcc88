/** Plain-language findings of the sweeps, computed from their points (the charts' text alternatives lead with these). */
import type { CellKind } from '../../../src-shared/engine/types';
import { formatPercent } from '../../i18n/format';
import { t } from '../../i18n/i18n.svelte';
import { tCount } from '../../i18n/plural';
import { cellName } from './colour';
import type { DirectionResult, HorizonPoint } from './sweep-state.svelte';

/** The smallest gap k at which a cell's accuracy falls within `margin` of chance, or null if it never does. */
export function collapseK(points: readonly HorizonPoint[], cell: CellKind, chance: number, margin = 0.15): number | null {
  const mine = points.filter((p) => p.cell === cell).sort((a, b) => a.k - b.k);
  return mine.find((p) => p.testAccuracy < chance + margin)?.k ?? null;
}

export function describeHorizon(points: readonly HorizonPoint[], cells: readonly CellKind[], chance: number): string {
  if (points.length === 0) return t('grad.horizon.none');
  return cells
    .map((cell) => {
      const k = collapseK(points, cell, chance);
      const mine = points.filter((p) => p.cell === cell);
      if (mine.length === 0) return t('grad.horizon.waiting', { cell: cellName(cell) });
      const largest = mine.reduce((a, b) => (b.k > a.k ? b : a));
      return k === null
        ? t('grad.horizon.holds', { cell: cellName(cell), k: largest.k, accuracy: formatPercent(largest.testAccuracy) })
        : t('grad.horizon.falls', { cell: cellName(cell), chance: formatPercent(chance), k });
    })
    .join(' ');
}

/** Accuracy gained by reading both ways, on the ambiguous words and overall. */
export function describeBidir(forward: DirectionResult | null, both: DirectionResult | null): string {
  if (!forward) return t('grad.bidir.none');
  const f = t('grad.bidir.forwardResult', { overall: formatPercent(forward.overall), ambiguous: formatPercent(forward.ambiguousAccuracy) });
  if (!both) return `${f} ${t('grad.bidir.training')}`;
  const points = Math.round((both.ambiguousAccuracy - forward.ambiguousAccuracy) * 100);
  return `${f} ${t('grad.bidir.bothResult', { overall: formatPercent(both.overall), ambiguous: formatPercent(both.ambiguousAccuracy), points: tCount('count.points', points) })}`;
}
