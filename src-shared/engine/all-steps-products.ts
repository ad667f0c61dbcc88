/**
 * The all-steps products of one chain: the matrix products over every (t, b) row of the sequence at once.
 * Forward, the projection Wxh·x_t of a dense input (the layer below); backward, the parameter gradients summed
 * over every step (∂L/∂Whh, ∂L/∂bh, ∂L/∂Wxh) and ∂L/∂x_t of a dense input.
 * For a big model each is a big product, so it runs a block of whole steps at a time, about ROW_BLOCK_MACS
 * multiply-adds each, asking the interrupt check before every block. The block size follows from the model's
 * shape alone, so the result never depends on whether anyone may interrupt.
 * Rows are r = (t−1)·B + b, laid out as in chain-work.ts; every product accumulates (C += …).
 */
import type { ParamTensor } from './api';
import type { ChainWork } from './chain-work';
import { checkInterrupt, type Interrupt } from './interrupt';
import type { Kernels } from './kernels';
import type { DenseInput } from './layer-input';
import type { FloatArray } from './types';

/**
 * Multiply-adds per block of the all-steps products (a few ms): how long an interrupt may wait at most there.
 * Large enough that a block spans several steps even for H = 256 gated cells: a weight-gradient product whose
 * depth is a single step of B rows spends its time reloading the whole gradient matrix, not multiplying.
 */
export const ROW_BLOCK_MACS = 32_000_000;

/**
 * Rows per block of an all-steps product that costs GH·width multiply-adds per row: whole steps of B rows,
 * as many as fit in `macs` (at least one).
 */
export function rowBlock(B: number, GH: number, width: number, macs = ROW_BLOCK_MACS): number {
  const perStep = B * GH * width;
  return B * Math.max(1, Math.floor(macs / perStep));
}

/** gates rows r ∈ [r0, r1) ← bh [G·H]: the first row copied in, then doubled with native copies (exact, no JS loop per float). */
export function fillBiasRows(gates: FloatArray, bh: FloatArray, GH: number, r0: number, r1: number): void {
  if (r1 <= r0) return;
  const start = r0 * GH, end = r1 * GH;
  for (let q = 0; q < GH; q++) gates[start + q] = bh[q];
  for (let done = GH; start + done < end; done *= 2) gates.copyWithin(start + done, start, start + Math.min(done, end - start - done));
}

/** Forward, a dense input: gates_t ← bh + Wxh·x_t for t = 1..T (Wxh [G·H × I], x rows of width I). */
export function projectAllSteps(
  kern: Kernels,
  interrupt: Interrupt | null,
  w: ChainWork,
  B: number,
  T: number,
  I: number,
  input: DenseInput,
  Wxh: FloatArray,
  bh: FloatArray,
  macs = ROW_BLOCK_MACS,
): void {
  const GH = w.G * w.H, rows = T * B, gates = w.gates;
  inBlocks(rows, rowBlock(B, GH, I, macs), interrupt, (r0, k) => {
    fillBiasRows(gates, bh, GH, r0, r0 + k);
    kern.gemmNT(k, GH, I, input.buf, input.off + r0 * I, Wxh, 0, gates, r0 * GH);
  });
}

/**
 * Backward, the recurrent sums: ∂L/∂Whh += Σ_t dzh_tᵀ ⊗ h_prev(t) and ∂L/∂bh += Σ_t Σ_b dz_t (= onesᵀ·dz).
 * h_prev rows are contiguous in hs from slot 0 (left-to-right) or slot 2 (right-to-left: h_prev of t is h_{t+1}).
 */
export function recurrentGradSums(
  kern: Kernels,
  interrupt: Interrupt | null,
  w: ChainWork,
  B: number,
  T: number,
  reverse: boolean,
  Whh: ParamTensor,
  bh: ParamTensor,
  macs = ROW_BLOCK_MACS,
): void {
  const H = w.H, GH = w.G * H, rows = T * B;
  const hPrev = (reverse ? 2 : 0) * B * H;
  inBlocks(rows, rowBlock(B, GH, H, macs), interrupt, (r0, k) => {
    kern.gemmTN(GH, H, k, w.dzh, r0 * GH, w.hs, hPrev + r0 * H, Whh.grad, 0);
    kern.gemmNN(1, GH, k, w.ones, r0, w.dz, r0 * GH, bh.grad, 0);
  });
}

/**
 * Backward, a dense input: ∂L/∂Wxh += Σ_t dz_tᵀ ⊗ x_t and, when the input takes a gradient (input.dBuf),
 * ∂L/∂x_t += dz_t · Wxh.
 */
export function inputGradSums(
  kern: Kernels,
  interrupt: Interrupt | null,
  w: ChainWork,
  B: number,
  T: number,
  I: number,
  input: DenseInput,
  Wxh: ParamTensor,
  macs = ROW_BLOCK_MACS,
): void {
  const GH = w.G * w.H, rows = T * B, dz = w.dz;
  inBlocks(rows, rowBlock(B, GH, I, macs), interrupt, (r0, k) => {
    kern.gemmTN(GH, I, k, dz, r0 * GH, input.buf, input.off + r0 * I, Wxh.grad, 0);
    if (input.dBuf) kern.gemmNN(k, I, GH, dz, r0 * GH, Wxh.value, 0, input.dBuf, input.dOff + r0 * I);
  });
}

/** Run `body(r0, k)` over rows [0, rows) in blocks of `block` rows (k of them, fewer in the last), asking `interrupt` before each. */
function inBlocks(rows: number, block: number, interrupt: Interrupt | null, body: (r0: number, k: number) => void): void {
  for (let r0 = 0; r0 < rows; r0 += block) {
    checkInterrupt(interrupt);
    body(r0, Math.min(block, rows - r0));
  }
}
