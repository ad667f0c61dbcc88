/**
 * The comparison's callout in the learner's language: one line per cell, then which learned cell reaches furthest.
 * Every share leaves out the closing token the verdict is read at (attribution-horizon.ts), and the lines say so.
 */
import { formatPercent } from '../../i18n/format';
import { t } from '../../i18n/i18n.svelte';
import { tCount } from '../../i18n/plural';
import { cellName, cellNameInline } from '../gradients/colour';
import { reachComparison, RECENT_WORDS, type Horizon } from '../../../src-shared/jobs/attribution-horizon';

export function compareLines(horizons: readonly Horizon[]): string[] {
  const out = horizons.map((h) => {
    // Each line opens with the cell's name, so it takes the sentence-start form.
    if (!h.learned) return t('attrib.compare.notLearned', { cell: cellName(h.cell), acc: formatPercent(h.testAccuracy) });
    return t('attrib.compare.cellLine', {
      cell: cellName(h.cell), share: formatPercent(h.recentShare), n: RECENT_WORDS, end: h.endToken, token: h.peakToken,
      back: tCount('count.stepsBack', h.peakBack),
    });
  });
  const reach = reachComparison(horizons);
  if (reach) {
    out.push(t('attrib.compare.reach', {
      far: cellNameInline(reach.far.cell), farShare: formatPercent(1 - reach.far.recentShare), n: RECENT_WORDS, end: reach.far.endToken,
      near: cellNameInline(reach.near.cell), nearShare: formatPercent(1 - reach.near.recentShare),
    }));
  }
  return out;
}
