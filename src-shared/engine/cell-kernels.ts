/**
 * Optional fast paths for the elementwise part of a cell's time step, offered by a kernel set (the
 * WebAssembly one) for buffers it allocated. Each call covers the batch rows [b0, b1) of time t, all of them
 * unmasked: the cells keep handling padding rows themselves, so both paths treat a mask identically.
 * Indices follow the cells' conventions: `cur`/`prev` are hs/cs slots, t runs 1..T.
 */
import type { ChainWork } from './chain-work';

export interface CellKernels {
  /** Whether every buffer of w lives where these kernels can reach it. */
  accepts(w: ChainWork): boolean;
  /** Vanilla RNN with tanh: hs[cur] = gates_t = tanh(gates_t). */
  rnnTanhForward(w: ChainWork, B: number, t: number, cur: number, b0: number, b1: number): void;
  /** Vanilla RNN with tanh: dz_t = dh ⊙ (1 − h²), dhp = 0. */
  rnnTanhBackward(w: ChainWork, B: number, t: number, cur: number, b0: number, b1: number): void;
  lstmForward(w: ChainWork, B: number, t: number, cur: number, prev: number, b0: number, b1: number): void;
  lstmBackward(w: ChainWork, B: number, t: number, prev: number, b0: number, b1: number): void;
  gruForward(w: ChainWork, B: number, t: number, cur: number, prev: number, b0: number, b1: number): void;
  gruBackward(w: ChainWork, B: number, t: number, prev: number, b0: number, b1: number): void;
}

/** End of the run of unmasked rows that starts at row b (mask row t−1). */
export function runEnd(mask: Uint8Array, B: number, t: number, b: number): number {
  const base = (t - 1) * B;
  let e = b + 1;
  while (e < B && mask[base + e] !== 0) e++;
  return e;
}
