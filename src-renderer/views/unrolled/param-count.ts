import { formatNumber } from '../../i18n/format';
import type { CellKind } from '../../../src-shared/engine/types';

/**
 * The lesson's parameter count for one recurrent cell and the output layer, with the formula spelled out.
 * Vanilla: H·I + H·H + H (Wxh, Whh, bh); LSTM has 4 such blocks and GRU 3. Output: O·H' + O, where H' is H,
 * or 2H when a bidirectional model concatenates both directions. T appears nowhere: weights are shared.
 */

export interface ParamBreakdown {
  /** Blocks per cell: 1 vanilla, 4 LSTM, 3 GRU. */
  readonly gates: number;
  readonly cell: number;
  /** Cells counted (directions × layers). */
  readonly cells: number;
  readonly output: number;
  readonly total: number;
  /** e.g. "4·(H·I + H·H + H) = 4·(24·30 + 24·24 + 24) = 5,280". */
  readonly cellFormula: string;
  readonly outputFormula: string;
}

export function gateBlocks(cell: CellKind): number {
  return cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1;
}

const fmt = (n: number) => formatNumber(n);

export function paramBreakdown(cell: CellKind, H: number, I: number, O: number, opts: { layers?: number; bidirectional?: boolean } = {}): ParamBreakdown {
  const G = gateBlocks(cell);
  const dirs = opts.bidirectional ? 2 : 1;
  const layers = opts.layers ?? 1;
  const block = H * I + H * H + H;
  const cellCount = G * block;
  // Upper layers read the state below (H per direction).
  const upperBlock = H * (H * dirs) + H * H + H;
  const cells = dirs * layers;
  const cellsTotal = dirs * (cellCount + (layers - 1) * G * upperBlock);
  const Hout = H * dirs;
  const output = O * Hout + O;
  const g = G > 1 ? `${G}·` : '';
  const open = G > 1 ? '(' : '';
  const close = G > 1 ? ')' : '';
  return {
    gates: G,
    cell: cellCount,
    cells,
    output,
    total: cellsTotal + output,
    cellFormula: `${g}${open}H·I + H·H + H${close} = ${g}${open}${H}·${I} + ${H}·${H} + ${H}${close} = ${fmt(cellCount)}`,
    outputFormula: `O·${dirs > 1 ? '2H' : 'H'} + O = ${O}·${Hout} + ${O} = ${fmt(output)}`,
  };
}
