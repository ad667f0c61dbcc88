/** The comparison's callout in the learner's language: one line per cell, then which learned cell reaches furthest. */
import { formatPercent } from '../../i18n/format';
import { t } from '../../i18n/i18n.svelte';
import { tCount } from '../../i18n/plural';
import { cellName, cellNameInline } from '../gradients/colour';
import { reachComparison, RECENT_WORDS, type Horizon } from './compare-summary';

export function compareLines(horizons: readonly Horizon[]): string[] {
  const out = horizons.map((h) => {
    // Each line opens with the cell's name, so it takes the sentence-start form.
    if (!h.learned) return t('attrib.compare.notLearned', { cell: cellName(h.cell), acc: formatPercent(h.testAccuracy) });
    const vars = { cell: cellName(h.cell), share: formatPercent(h.recentShare), n: RECENT_WORDS, token: h.peakToken };
    return h.peakBack === 0
      ? t('attrib.compare.cellLineHere', vars)
      : t('attrib.compare.cellLine', { ...vars, back: tCount('count.stepsBack', h.peakBack) });
  });
  const reach = reachComparison(horizons);
  if (reach) {
    out.push(t('attrib.compare.reach', {
      far: cellNameInline(reach.far.cell), farShare: formatPercent(1 - reach.far.recentShare), n: RECENT_WORDS,
      near: cellNameInline(reach.near.cell), nearShare: formatPercent(1 - reach.near.recentShare),
    }));
  }
  return out;
}
