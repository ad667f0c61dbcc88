/** The "what to notice" sentences for one row's numbers (notice.ts), in the learner's language. */
import { formatPercent } from '../../i18n/format';
import { t } from '../../i18n/i18n.svelte';
import { tCount } from '../../i18n/plural';
import type { RowNotice } from './notice';

export function noticeText(n: RowNotice): string[] {
  const share = formatPercent(n.peakShare);
  return [
    tCount('ui.attribution.notice.recent', n.recentWords, { step: n.step, span: tCount('count.words', n.span) }),
    n.peakBack === 0
      ? t('ui.attribution.notice.peakHere', { token: n.peakToken, share })
      : t('ui.attribution.notice.peak', { token: n.peakToken, back: tCount('count.stepsBack', n.peakBack), share }),
  ];
}
