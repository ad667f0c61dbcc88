/**
 * A job's error as the page words it: a diverged model by its cell and the quantity that stopped being finite,
 * anything else by its problem (the trainer host's refusal or failure, or the supervisor's reason when the trainer
 * died under the job). Kept as data and worded when shown, so a locale switch rewords an error already on screen.
 */
import type { JobEvent } from '../../src-shared/protocol/job-messages';
import type { Problem } from '../../src-shared/protocol/problem';
import { message, messageText, type Message } from './message';
import { problemText } from './problem-text';

export type JobError = Message | Problem;
type ErrorEvent = Extract<JobEvent, { type: 'error' }>;

export function jobError(e: ErrorEvent): JobError {
  if (!e.diverged) return e.problem;
  return message('grad.error.diverged', { cell: message(`grad.cellInline.${e.diverged.cell}`), quantity: e.diverged.quantity });
}

/** The error in the current locale (reactive: it reads the locale through `t`). */
export function jobErrorText(err: JobError): string {
  return 'code' in err ? problemText(err) : messageText(err);
}
