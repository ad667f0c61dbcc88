/** The race's verdict in words, computed from the final held-out scores. */
import { CELL_NAMES } from './colour';
import { formatPercent, formatSeconds } from '../../i18n/format';
import type { RaceResult } from './race-state.svelte';

export function describeRace(results: readonly RaceResult[] | null, durationMs: number, distanceText: string): string {
  if (!results || results.length === 0) return 'Press Start race to train the three cells side by side.';
  const ranked = [...results].sort((a, b) => b.testAccuracy - a.testAccuracy);
  const scores = ranked.map((r) => `${CELL_NAMES[r.cell]} ${formatPercent(r.testAccuracy)}`).join(', ');
  const rnn = results.find((r) => r.cell === 'rnn');
  const best = ranked[0];
  let verdict = '';
  if (rnn && best.cell !== 'rnn') {
    const lead = Math.round((best.testAccuracy - rnn.testAccuracy) * 100);
    verdict = ` The ${CELL_NAMES[best.cell]} finished ${lead} points ahead of the vanilla RNN: its gated, additive state carried the signal across ${distanceText}.`;
  } else if (rnn) {
    verdict = ' The vanilla RNN kept up here: try a longer distance.';
  }
  return `After ${best.steps} steps each (${formatSeconds(durationMs)}), held-out accuracy: ${scores}.${verdict}`;
}
