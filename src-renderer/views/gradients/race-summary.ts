/** The race's verdict in words, computed from the final held-out scores. */
import { formatPercent, formatSeconds } from '../../i18n/format';
import { t } from '../../i18n/i18n.svelte';
import { tCount } from '../../i18n/plural';
import { cellName, cellNameInline } from './colour';
import type { RaceResult } from './race-state.svelte';

export function describeRace(results: readonly RaceResult[] | null, durationMs: number, distanceText: string): string {
  if (!results || results.length === 0) return t('grad.race.idle');
  const ranked = [...results].sort((a, b) => b.testAccuracy - a.testAccuracy);
  const scores = ranked.map((r) => `${cellName(r.cell)} ${formatPercent(r.testAccuracy)}`).join(', ');
  const rnn = results.find((r) => r.cell === 'rnn');
  const best = ranked[0];
  let verdict = '';
  if (rnn && best.cell !== 'rnn') {
    const points = Math.round((best.testAccuracy - rnn.testAccuracy) * 100);
    verdict = ' ' + t('grad.race.ahead', { cell: cellNameInline(best.cell), points: tCount('count.points', points), distance: distanceText });
  } else if (rnn) {
    verdict = ' ' + t('grad.race.kept');
  }
  return t('grad.race.result', { steps: best.steps, time: formatSeconds(durationMs), scores }) + verdict;
}
