import type { ChainData } from './chain-data';

/** Width of a cell drawing h alone (world units). */
export const CELL_W = 0.9;
/** Extra width per column past the first (a gate, or c_t) when a gated cell is expanded. */
export const GATE_W = 0.45;

const H_ONLY: readonly string[] = ['h'];

/**
 * The unit columns a cell draws, left to right: h alone, or, for expanded gated cells, each gate, then the
 * LSTM cell state c when the trace has it, then h.
 */
export function cellColumns(chain: ChainData, expanded: boolean): readonly string[] {
  if (!expanded || chain.gateNames.length === 0) return H_ONLY;
  return [...chain.gateNames, ...(chain.hasCells ? ['c'] : []), 'h'];
}

/** Width of a cell drawing `columns` unit columns. */
export function cellWidthFor(columns: number): number {
  return CELL_W + GATE_W * Math.max(0, columns - 1);
}
