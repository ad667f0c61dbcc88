/** Plain-language findings of the sweeps, computed from their points (the charts' text alternatives lead with these). */
import type { CellKind } from '../../../src-shared/engine/types';
import { CELL_NAMES } from './colour';
import { formatPercent } from '../../i18n/format';
import type { DirectionResult, HorizonPoint } from './sweep-state.svelte';

/** The smallest gap k at which a cell's accuracy falls within `margin` of chance, or null if it never does. */
export function collapseK(points: readonly HorizonPoint[], cell: CellKind, chance: number, margin = 0.15): number | null {
  const mine = points.filter((p) => p.cell === cell).sort((a, b) => a.k - b.k);
  return mine.find((p) => p.testAccuracy < chance + margin)?.k ?? null;
}

export function describeHorizon(points: readonly HorizonPoint[], cells: readonly CellKind[], chance: number): string {
  if (points.length === 0) return 'No runs yet: press Run sweep.';
  return cells
    .map((cell) => {
      const k = collapseK(points, cell, chance);
      const mine = points.filter((p) => p.cell === cell);
      if (mine.length === 0) return `${CELL_NAMES[cell]}: waiting.`;
      const largest = mine.reduce((a, b) => (b.k > a.k ? b : a));
      return k === null
        ? `${CELL_NAMES[cell]} stays well above chance up to k = ${largest.k} (${formatPercent(largest.testAccuracy)}).`
        : `${CELL_NAMES[cell]} falls to near chance (${formatPercent(chance)}) from k = ${k}.`;
    })
    .join(' ');
}

/** Accuracy gained by reading both ways, on the ambiguous words and overall. */
export function describeBidir(forward: DirectionResult | null, both: DirectionResult | null): string {
  if (!forward) return 'No runs yet: press Compare.';
  const f = `Forward-only: ${formatPercent(forward.overall)} of held-out tags right, ${formatPercent(forward.ambiguousAccuracy)} on the words only the next word settles.`;
  if (!both) return f + ' The bidirectional model is training.';
  return (
    f +
    ` Bidirectional: ${formatPercent(both.overall)} overall and ${formatPercent(both.ambiguousAccuracy)} on those words.` +
    ` Reading the sentence both ways is worth ${Math.round((both.ambiguousAccuracy - forward.ambiguousAccuracy) * 100)} points where the next word decides.`
  );
}
