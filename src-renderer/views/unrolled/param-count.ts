import { paramCount, paramParts, type ChainParams } from '../../../src-shared/engine/index';
import type { CellKind, ModelConfig, ProblemShape } from '../../../src-shared/engine/types';
import { formatNumber } from '../../i18n/format';

/**
 * The 3D view's parameter count, formula spelled out, from the engine's own parameter specs (paramParts), so the
 * parts add up to the total the model reports. Vanilla: H·I + H·H + H (Wxh, Whh, bh); LSTM has 4 such blocks,
 * GRU 3 and its own bias bhn (+ H). I is what the first cell reads per step. Output: O·D + O, where D is H, or 2H
 * when the head reads both directions (or a decoder started from them). T appears nowhere: weights are shared.
 */

export interface ParamBreakdown {
  /** Blocks per cell: 1 vanilla, 4 LSTM, 3 GRU. */
  readonly gates: number;
  /** The first cell's count (layer 1, left to right, of the stack that reads the input). */
  readonly cell: number;
  /** Cells counted (directions × layers, and the decoder's). */
  readonly cells: number;
  readonly output: number;
  /** paramCount(config): what the model reports. */
  readonly total: number;
  /** e.g. "4·(H·I + H·H + H) = 4·(24·30 + 24·24 + 24) = 5,280". */
  readonly cellFormula: string;
  readonly outputFormula: string;
  /** Every cell and the output layer added up, e.g. "2 × 5,280 + 2 × 4,704 + 625 = 20,593". */
  readonly sum: string;
}

export function gateBlocks(cell: CellKind): number {
  return cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1;
}

const fmt = (n: number) => formatNumber(n);

function cellFormula(c: ChainParams): string {
  const g = c.gates > 1 ? `${c.gates}·(` : '', close = c.gates > 1 ? ')' : '';
  const bhn = c.cell === 'gru' ? ' + H' : '', bhnValue = c.cell === 'gru' ? ` + ${c.hiddenSize}` : '';
  const H = c.hiddenSize;
  return `${g}H·I + H·H + H${close}${bhn} = ${g}${H}·${c.inputSize} + ${H}·${H} + ${H}${close}${bhnValue} = ${fmt(c.count)}`;
}

/** Runs of equal counts as "n × count" terms, in the engine's order. */
function sumTerms(counts: readonly number[]): string[] {
  const terms: string[] = [];
  for (let i = 0; i < counts.length; ) {
    let j = i;
    while (j < counts.length && counts[j] === counts[i]) j++;
    terms.push(j - i > 1 ? `${j - i} × ${fmt(counts[i])}` : fmt(counts[i]));
    i = j;
  }
  return terms;
}

export function paramBreakdown(
  choice: { readonly cell: CellKind; readonly hiddenSize: number; readonly layers?: number; readonly bidirectional?: boolean },
  shape: ProblemShape,
  I: number,
  O: number,
): ParamBreakdown {
  const config: ModelConfig = {
    cell: choice.cell, activation: 'tanh', inputSize: I, hiddenSize: choice.hiddenSize, outputSize: O,
    layers: choice.layers === 2 ? 2 : 1, bidirectional: choice.bidirectional ?? false, shape,
    // the loss does not change the count; one output is a regression
    loss: O > 1 ? 'softmax-ce' : 'mse', init: { kind: 'xavier', spectralRadius: 1 }, seed: 1,
  };
  const { chains, head } = paramParts(config);
  const total = paramCount(config);
  const D = head.inputSize;
  return {
    gates: chains[0].gates,
    cell: chains[0].count,
    cells: chains.length,
    output: head.count,
    total,
    cellFormula: cellFormula(chains[0]),
    outputFormula: `O·${D === choice.hiddenSize ? 'H' : '2H'} + O = ${O}·${D} + ${O} = ${fmt(head.count)}`,
    sum: `${[...sumTerms(chains.map((c) => c.count)), fmt(head.count)].join(' + ')} = ${fmt(total)}`,
  };
}
