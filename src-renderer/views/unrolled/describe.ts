import type { MessageKey } from '../../i18n/en';
import { formatFixed } from '../../i18n/format';
import { t as msg } from '../../i18n/i18n.svelte';
import { tCount } from '../../i18n/plural';
import type { ChainData, ChainStep } from './chain-data';
import { formatNorm } from './grad-scale';
import type { Pass } from './playback.svelte';

/**
 * Plain-text readouts of the unrolled view: the hover card and the screen-reader description. Words come from the
 * message catalogue in the current locale, so callers inside $derived or $effect follow a change of language.
 */

const SHAPE_WORDS: Record<ChainData['shape'], MessageKey> = {
  'many-to-one': 'ui.unrolled.shape.manyToOne',
  'many-to-many': 'ui.unrolled.shape.manyToMany',
  'encoder-decoder': 'ui.unrolled.shape.encoderDecoder',
  'one-to-many': 'ui.unrolled.shape.oneToMany',
};

export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const s = formatFixed(Math.abs(v) < 0.005 ? 0 : v, 2);
  return s.replace('-', '−');
}

/** First `n` values of a vector as "[0.12, −0.40, …]" ("[0,12 ; −0,40 ; …]" where the comma is the decimal mark). */
export function formatVector(v: readonly number[] | null, n = 6): string {
  if (!v) return msg('ui.unrolled.notRecorded');
  const head = v.slice(0, n).map(formatValue).join(formatFixed(0.5, 1).includes(',') ? ' ; ' : ', ');
  return v.length > n ? msg('ui.unrolled.vectorMore', { head, rest: v.length - n }) : `[${head}]`;
}

/** The step's name in the lesson's notation: h₃, or "encoder h₂" / "decoder h₁". */
export function stepName(step: ChainStep): string {
  const k = step.local + 1;
  if (step.section === 'chain') return msg('ui.unrolled.step', { k });
  return msg(step.section === 'encoder' ? 'ui.unrolled.encoderStep' : 'ui.unrolled.decoderStep', { k });
}

export interface StepReadout {
  readonly title: string;
  readonly rows: readonly { label: string; value: string }[];
}

export function readout(chain: ChainData, t: number): StepReadout | null {
  const s = chain.steps[t];
  if (!s) return null;
  const rows = [
    { label: msg('ui.unrolled.row.input'), value: s.x ?? msg('ui.unrolled.noInputHere') },
    { label: chain.bidirectional ? 'h→_t' : 'h_t', value: formatVector(s.h) },
  ];
  if (chain.hasCells) rows.push({ label: msg(chain.bidirectional ? 'ui.unrolled.row.cellForward' : 'ui.unrolled.row.cell'), value: formatVector(s.c) });
  if (chain.bidirectional && s.section !== 'decoder') rows.push({ label: 'h←_t', value: chain.hasBackStates ? formatVector(s.hBack) : msg('ui.unrolled.notInTrace') });
  // Two layers: layer 1's states at the same step, the top layer's input ([h→¹_t ; h←¹_t] when bidirectional).
  if (chain.hasLower && s.section !== 'decoder') {
    rows.push({ label: msg(chain.bidirectional ? 'ui.unrolled.row.lowerForward' : 'ui.unrolled.row.lower'), value: formatVector(s.hLower) });
    if (chain.bidirectional) rows.push({ label: msg('ui.unrolled.row.lowerBackward'), value: chain.hasLowerBack ? formatVector(s.hLowerBack) : msg('ui.unrolled.notInTrace') });
  }
  if (s.y !== null || s.target !== null) {
    rows.push({ label: msg('ui.unrolled.row.output'), value: msg('ui.unrolled.outputTarget', { y: s.y ?? '–', target: s.target ?? '–' }) });
  } else rows.push({ label: 'y_t', value: msg('ui.unrolled.noOutputHere') });
  rows.push({ label: '‖∂L/∂h_t‖', value: formatNorm(s.dhNorm) });
  return { title: where(chain, s), rows };
}

/** "step 3 of 5", or "decoder step 1 of 4". */
function where(chain: ChainData, s: ChainStep): string {
  return msg('ui.unrolled.stepOf', { step: stepName(s), total: sectionLength(chain, s) });
}

function sectionLength(chain: ChainData, s: ChainStep): number {
  if (s.section === 'chain') return chain.steps.length;
  return s.section === 'encoder' ? chain.encoderLength : chain.steps.length - chain.encoderLength;
}

/** One or two sentences for the aria-live region. */
export function describeState(chain: ChainData, pass: Pass, t: number, rolled: boolean): string {
  const s = chain.steps[t];
  const shape = msg(SHAPE_WORDS[chain.shape]);
  if (rolled) return tCount('ui.unrolled.live.rolled', chain.steps.length, { shape });
  if (!s) return msg('ui.unrolled.live.noTrace', { shape });
  if (pass === 'forward') {
    const input = s.x === null ? msg('ui.unrolled.live.noInput') : msg('ui.unrolled.live.input', { x: s.x });
    const output = s.y === null ? '' : msg('ui.unrolled.live.output', { y: s.y });
    const cell = chain.hasCells ? msg('ui.unrolled.live.cell', { c: formatVector(s.c, 3) }) : '';
    return msg('ui.unrolled.live.forward', { where: where(chain, s), input, h: formatVector(s.h, 3), cell, output }) + lowerLayer(chain, s, pass);
  }
  return msg('ui.unrolled.live.backward', { where: where(chain, s), norm: formatNorm(s.dhNorm) }) + lowerLayer(chain, s, pass);
}

/**
 * Two layers: a sentence on layer 1 at the same step, the rows under the top one (its states going up on the forward
 * pass, its gradient norms on the backward pass); '' for one layer and on a decoder's steps, as in the readout.
 */
function lowerLayer(chain: ChainData, s: ChainStep, pass: Pass): string {
  if (!chain.hasLower || s.section === 'decoder') return '';
  if (pass === 'forward') {
    if (!chain.bidirectional) return msg('ui.unrolled.live.lower', { h: formatVector(s.hLower, 3) });
    const b = chain.hasLowerBack ? formatVector(s.hLowerBack, 3) : msg('ui.unrolled.notInTrace');
    return msg('ui.unrolled.live.lowerBidir', { f: formatVector(s.hLower, 3), b });
  }
  if (!chain.bidirectional) return msg('ui.unrolled.live.lowerBackward', { norm: formatNorm(s.dhNormLower) });
  return msg('ui.unrolled.live.lowerBackwardBidir', { f: formatNorm(s.dhNormLower), b: formatNorm(s.dhNormLowerBack) });
}
