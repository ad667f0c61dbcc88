/**
 * What a chain reads at each time step: either a few (index, value) pairs per row, standing for a one-hot
 * (or two-hot) x_t so that Wxh·x_t is a sum of Wxh columns, or a dense [T][B][width] buffer written by the
 * layer below. Both are laid out time-major with batch rows inside each step, t = 1..T at index t−1.
 */
import type { FloatArray } from './types';

/** x_t given as up to `slots` (index, value) pairs per row; index −1 means an unused slot. */
export interface SparseInput {
  readonly kind: 'sparse';
  /** Pairs per row. */
  readonly slots: number;
  /** Column of Wxh for each pair [T][B][slots]. */
  idx: Int32Array;
  /** Value of each pair (1 for a one-hot token, the number itself for a scalar input) [T][B][slots]. */
  val: Float64Array;
}

/** x_t as rows of a dense buffer, e.g. [h→_t ; h←_t] of the layer below. */
export interface DenseInput {
  readonly kind: 'dense';
  /** Width of one row (the input size of the reading chain). */
  readonly width: number;
  buf: FloatArray;
  /** Where row (t = 1, b = 0) starts in buf. */
  off: number;
  /** Where ∂L/∂x accumulates, same layout as buf (null: the input needs no gradient). */
  dBuf: FloatArray | null;
  dOff: number;
}

export type LayerInput = SparseInput | DenseInput;

export function createSparseInput(slots: number): SparseInput {
  return { kind: 'sparse', slots, idx: new Int32Array(0), val: new Float64Array(0) };
}

/** Make room for T·B rows; contents are not preserved when it grows. */
export function ensureSparse(input: SparseInput, T: number, B: number): void {
  const n = T * B * input.slots;
  if (input.idx.length < n) {
    input.idx = new Int32Array(n);
    input.val = new Float64Array(n);
  }
  input.idx.fill(-1, 0, n);
  input.val.fill(0, 0, n);
}
