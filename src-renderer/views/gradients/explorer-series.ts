/**
 * The explorer's curves and CSV, labelled in the learner's language. Kept apart from explorer-data.ts, which the
 * page uses for its numbers only.
 */
import { formatFixed, formatNumber } from '../../i18n/format';
import { t } from '../../i18n/i18n.svelte';
import type { Series } from './chart-types';
import { INK } from './colour';
import { toCsv } from './csv';
import type { ExplorerData } from '../../../src-shared/jobs/explorer';

export function explorerSeries(d: ExplorerData): Series[] {
  const pts = (ys: number[]) => ys.map((y, i) => ({ x: i + 1, y }));
  const out: Series[] = [
    { id: 'exact', label: t('grad.explorer.exact'), colour: '#0072B2', values: pts(d.exact) },
    { id: 'ideal', label: t('grad.explorer.ideal', { rho: formatFixed(d.rho, 2) }), colour: INK, dash: '6 4', values: pts(d.ideal) },
  ];
  if (d.clipped.length > 0) out.push({ id: 'clipped', label: t('grad.explorer.clipped', { clip: formatNumber(d.input.clip, 1) }), colour: '#CC79A7', dash: '2 3', values: pts(d.clipped) });
  return out;
}

export function explorerCsv(d: ExplorerData): string {
  const rows = d.exact.map((e, i) => [i + 1, e, d.ideal[i], d.clipped[i] ?? '']);
  return toCsv([t('csv.t'), t('csv.exactJacobianNorm'), t('csv.idealRhoPower'), t('csv.afterClipping')], rows);
}
