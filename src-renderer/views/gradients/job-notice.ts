/** Why a lab job stopped early when another experiment took the shared trainer, in words for its owner's view. */
import type { JobKind } from '../../../src-shared/protocol/job-messages';
import { t } from '../../i18n/i18n.svelte';

/** '' unless job `self` was cancelled because a job of kind `by` started on the shared trainer. */
export function describeReplaced(self: JobKind, by: JobKind | null): string {
  if (!by) return '';
  return t(`grad.replaced.${self}`, { by: t(`grad.job.${by}`) });
}
