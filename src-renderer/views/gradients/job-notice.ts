/** Why a lab job stopped early when another experiment took the shared worker, in words for its owner's view. */
import { t } from '../../i18n/i18n.svelte';
import type { JobKind } from './lab-messages';

/** '' unless job `self` was cancelled because a job of kind `by` started on the shared worker. */
export function describeReplaced(self: JobKind, by: JobKind | null): string {
  if (!by) return '';
  return t(`grad.replaced.${self}`, { by: t(`grad.job.${by}`) });
}
