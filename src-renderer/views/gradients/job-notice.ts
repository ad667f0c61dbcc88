/** Why a lab job stopped early when another experiment took the shared trainer, in words for its owner's view. */
import type { JobKind } from '../../../src-shared/protocol/job-messages';

/** Each job kind as a sentence names it. */
export const JOB_NAMES: Record<JobKind, string> = {
  race: 'the race',
  horizon: 'the memory-horizon sweep',
  bidir: 'the bidirectional comparison',
};

/** '' unless job `self` was cancelled because a job of kind `by` started on the shared trainer. */
export function describeReplaced(self: JobKind, by: JobKind | null): string {
  if (!by) return '';
  const name = JOB_NAMES[self];
  return `${name[0].toUpperCase()}${name.slice(1)} was cancelled: ${JOB_NAMES[by]} replaced it, since the lab runs one experiment at a time.`;
}
