import type { Problem } from '../../src-shared/protocol/problem';
import { problemLogLine } from '../../src-shared/protocol/problem';
import { t } from './i18n.svelte';

/**
 * A problem as the learner reads it: its code's phrase in the current locale, with its values written the locale's
 * way (numbers through `t`'s placeholder formatting). The English detail never appears here; see `logProblem`.
 */
export function problemText(p: Problem): string {
  return t(`problem.${p.code}`, p.params);
}

/** Several problems as one phrase, joined with the locale's separator ("; ", " ; " in French). */
export function problemsText(ps: readonly Problem[]): string {
  return ps.map(problemText).join(t('problem.separator'));
}

/** The English line for IT: to the console, prefixed with where it happened. */
export function logProblem(where: string, p: Problem): void {
  console.warn(`RNN Lab: ${where}: ${problemLogLine(p)}`);
}
