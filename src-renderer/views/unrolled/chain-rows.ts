import type { ChainStep } from './chain-data';
import { NODE_BACK, NODE_CELL, NODE_LOWER, NODE_LOWER_BACK } from './layout';

/**
 * The rows of copies a chain is drawn in, one per traced chain: the top layer's left-to-right row (NODE_CELL) and
 * right-to-left row (NODE_BACK), and a two-layer model's layer 1, left to right (NODE_LOWER) and right to left
 * (NODE_LOWER_BACK). The 3D scene and the flat diagram read a copy's values through these, so both draw the same.
 */

/** A node kind that is a copy of a cell (not an input, output or the context vector). */
export function isCopy(kind: number): boolean {
  return kind === NODE_CELL || kind === NODE_BACK || kind === NODE_LOWER || kind === NODE_LOWER_BACK;
}

/** A right-to-left row: its forward pass runs from the last step to the first, its backward pass the other way. */
export function runsRightToLeft(kind: number): boolean {
  return kind === NODE_BACK || kind === NODE_LOWER_BACK;
}

/** The hidden state h_t a copy of row `kind` draws at step `s` (null when the trace does not have it). */
export function rowState(s: ChainStep, kind: number): readonly number[] | null {
  switch (kind) {
    case NODE_BACK: return s.hBack;
    case NODE_LOWER: return s.hLower;
    case NODE_LOWER_BACK: return s.hLowerBack;
    default: return s.h;
  }
}

/** ‖∂L/∂h_t‖ of row `kind`'s chain at step `s` (NaN when not recorded). */
export function rowDhNorm(s: ChainStep, kind: number): number {
  switch (kind) {
    case NODE_BACK: return s.dhNormBack;
    case NODE_LOWER: return s.dhNormLower;
    case NODE_LOWER_BACK: return s.dhNormLowerBack;
    default: return s.dhNorm;
  }
}

/** Every recorded ‖∂L/∂h_t‖ of every row, so all rows' gradient markers share one log scale. */
export function allDhNorms(steps: readonly ChainStep[]): number[] {
  const out: number[] = [];
  for (const s of steps) out.push(s.dhNorm, s.dhNormBack, s.dhNormLower, s.dhNormLowerBack);
  return out;
}
