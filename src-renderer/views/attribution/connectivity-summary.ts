/** The connectivity panel's text alternative, computed from the chosen row of the matrix. */
import type { Attribution } from '../../../src-shared/protocol/attribution';
import { formatSci } from '../../i18n/format';
import { t } from '../../i18n/i18n.svelte';

/**
 * "At training step 300, the output at step 24 (“positive”) of this 24-word example: the largest a[t][s] is 0.41,
 * at word 19 “superb”; the first word gets 2.1 × 10⁻⁴."
 */
export function describeConnectivity(a: Attribution, row: number, trainingStep: number): string {
  const weights = a.matrix[row];
  const outStep = a.outputSteps[row];
  if (!weights || outStep === undefined || weights.length === 0) return t('attrib.empty');
  let peak = 0;
  for (let s = 1; s < weights.length; s++) if (weights[s] > weights[peak]) peak = s;
  return t('attrib.summary', {
    step: trainingStep, t: outStep, output: a.outputTokens[row] ?? '?', words: a.inputTokens.length,
    max: formatSci(weights[peak], 2), s: peak + 1, token: a.inputTokens[peak] ?? '?', first: formatSci(weights[0], 2),
  });
}
