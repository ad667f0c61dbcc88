import type { ChainData, ChainStep } from './chain-data';
import { formatNorm } from './grad-scale';
import type { Pass } from './playback.svelte';

/** Plain-text readouts of the unrolled view: the hover card and the screen-reader description. */

const SHAPE_WORDS: Record<ChainData['shape'], string> = {
  'many-to-one': 'many-to-one: one output after the last step',
  'many-to-many': 'many-to-many: one output per step',
  'encoder-decoder': 'encoder–decoder: the encoder’s last state is the context that starts the decoder',
  'one-to-many': 'one-to-many: one input, then an output at every step',
};

export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const s = v.toFixed(2);
  return s === '-0.00' ? '0.00' : s.replace('-', '−');
}

/** First `n` values of a vector as "[0.12, −0.40, …]" (with the count of the rest). */
export function formatVector(v: readonly number[] | null, n = 6): string {
  if (!v) return 'not recorded';
  const head = v.slice(0, n).map(formatValue).join(', ');
  return v.length > n ? `[${head}, … ${v.length - n} more]` : `[${head}]`;
}

/** The step's name in the lesson's notation: h₃, or "encoder h₂" / "decoder h₁". */
export function stepName(step: ChainStep): string {
  const k = step.local + 1;
  return step.section === 'chain' ? `step ${k}` : `${step.section} step ${k}`;
}

export interface StepReadout {
  readonly title: string;
  readonly rows: readonly { label: string; value: string }[];
}

export function readout(chain: ChainData, t: number): StepReadout | null {
  const s = chain.steps[t];
  if (!s) return null;
  const rows = [
    { label: 'x_t (input)', value: s.x ?? 'no input at this step' },
    { label: chain.bidirectional ? 'h→_t' : 'h_t', value: formatVector(s.h) },
  ];
  if (chain.hasCells) rows.push({ label: chain.bidirectional ? 'c→_t (cell state)' : 'c_t (cell state)', value: formatVector(s.c) });
  if (chain.bidirectional && s.section !== 'decoder') rows.push({ label: 'h←_t', value: chain.hasBackStates ? formatVector(s.hBack) : 'not in the trace' });
  if (s.y !== null || s.target !== null) rows.push({ label: 'y_t (output)', value: `${s.y ?? '–'} (target ${s.target ?? '–'})` });
  else rows.push({ label: 'y_t', value: 'no output at this step' });
  rows.push({ label: '‖∂L/∂h_t‖', value: formatNorm(s.dhNorm) });
  return { title: `${stepName(s)} of ${sectionLength(chain, s)}`, rows };
}

function sectionLength(chain: ChainData, s: ChainStep): number {
  if (s.section === 'chain') return chain.steps.length;
  return s.section === 'encoder' ? chain.encoderLength : chain.steps.length - chain.encoderLength;
}

/** One or two sentences for the aria-live region. */
export function describeState(chain: ChainData, pass: Pass, t: number, rolled: boolean): string {
  const s = chain.steps[t];
  const shape = SHAPE_WORDS[chain.shape];
  if (rolled) return `Rolled view: one cell with a loop back into itself, ${shape}. Unroll it to see all ${chain.steps.length} steps.`;
  if (!s) return `No trace yet: start training to fill the chain (${shape}).`;
  const where = `${stepName(s)} of ${sectionLength(chain, s)}`;
  if (pass === 'forward') {
    const input = s.x === null ? 'no new input' : `input “${s.x}”`;
    const out = s.y === null ? '' : `, output “${s.y}”`;
    const cell = chain.hasCells ? `, cell state ${formatVector(s.c, 3)}` : '';
    return `Forward pass, ${where}: ${input}, hidden state ${formatVector(s.h, 3)}${cell}${out}.`;
  }
  return `Backward pass, ${where}: the gradient reaching this state has norm ${formatNorm(s.dhNorm)}.`;
}
