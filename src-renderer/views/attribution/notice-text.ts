/** The "what to notice" sentences for one row's numbers (notice.ts), in the learner's language. */
import { formatPercent } from '../../i18n/format';
import { t } from '../../i18n/i18n.svelte';
import type { RowNotice } from './notice';

export function noticeText(n: RowNotice): string[] {
  const share = formatPercent(n.peakShare);
  return [
    t('ui.attribution.notice.recent', { step: n.step, words: n.recentWords, span: n.span }),
    n.peakBack === 0
      ? t('ui.attribution.notice.peakHere', { token: n.peakToken, share })
      : t('ui.attribution.notice.peak', { token: n.peakToken, back: n.peakBack, share }),
  ];
}
