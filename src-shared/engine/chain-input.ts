/**
 * The input side of a chain's step that does not go through a dense product: a one-hot (few-hot) x_t, whose
 * Wxh·x_t is a sum of Wxh columns and whose ∂L/∂Wxh adds dz_t into those columns, and the gradient arriving
 * from the layer above or the head. Rows r = (t−1)·B + b as in chain-work.ts; G·H = GH gate entries per row.
 */
import type { GradFromAbove } from './chain';
import type { Kernels } from './kernels';
import type { SparseInput } from './layer-input';
import type { FloatArray } from './types';

/**
 * gates rows [r0, r1) += Wxh·x_r for a sparse x. wT is Wxh transposed [I × GH] (contiguous rows: a token picks
 * one), filled here; null for a few rows (one step of greedy decoding), which read Wxh's columns in place instead.
 */
export function addSparseRows(kern: Kernels, input: SparseInput, W: FloatArray, wT: FloatArray | null, gates: FloatArray, GH: number, I: number, r0: number, r1: number): void {
  const S = input.slots, idx = input.idx, val = input.val;
  if (!wT) {
    for (let r = r0; r < r1; r++) {
      for (let s = 0; s < S; s++) {
        const col = idx[r * S + s];
        if (col < 0) continue;
        const v = val[r * S + s], g = r * GH;
        for (let q = 0; q < GH; q++) gates[g + q] += v * W[q * I + col];
      }
    }
    return;
  }
  const axpy = kern.axpy, sparse = kern.sparse;
  for (let q = 0; q < GH; q++) for (let c = 0; c < I; c++) wT[c * GH + q] = W[q * I + c];
  if (sparse && sparse.owns(wT) && sparse.owns(gates)) {
    sparse.gather(r0, r1, S, GH, idx, val, wT, gates);
    return;
  }
  for (let r = r0; r < r1; r++) {
    const g = r * GH;
    for (let s = 0; s < S; s++) {
      const col = idx[r * S + s];
      if (col < 0) continue;
      const v = val[r * S + s], w = col * GH;
      if (axpy) axpy.call(kern, GH, v, wT, w, gates, g);
      else for (let q = 0; q < GH; q++) gates[g + q] += v * wT[w + q];
    }
  }
}

/** ∂L/∂Wxh += Σ_r dz_r ⊗ x_r for a sparse x over `rows` rows: summed into dT [I × GH] (contiguous rows), then added transposed into dW. */
export function sparseInputGrads(kern: Kernels, input: SparseInput, dz: FloatArray, dT: FloatArray, dW: FloatArray, GH: number, I: number, rows: number): void {
  const S = input.slots, idx = input.idx, val = input.val;
  const axpy = kern.axpy, sparse = kern.sparse;
  dT.fill(0);
  if (sparse && sparse.owns(dz) && sparse.owns(dT)) sparse.scatter(0, rows, S, GH, idx, val, dz, dT);
  else {
    for (let r = 0; r < rows; r++) {
      const g = r * GH;
      for (let s = 0; s < S; s++) {
        const col = idx[r * S + s];
        if (col < 0) continue;
        const v = val[r * S + s], d = col * GH;
        if (axpy) axpy.call(kern, GH, v, dz, g, dT, d);
        else for (let q = 0; q < GH; q++) dT[d + q] += v * dz[g + q];
      }
    }
  }
  for (let q = 0; q < GH; q++) for (let c = 0; c < I; c++) dW[q * I + c] += dT[c * GH + q];
}

/** dh[B][H] += the rows of time t that `above` points at (one contiguous run when they are whole rows). */
export function addFromAbove(kern: Kernels, above: GradFromAbove, dh: FloatArray, B: number, H: number, t: number): void {
  const ab = above.buf, width = above.width, axpy = kern.axpy;
  const base = above.off + (t - 1) * B * width + above.col;
  if (width === H && axpy) {
    axpy.call(kern, B * H, 1, ab, base, dh, 0);
    return;
  }
  for (let b = 0; b < B; b++) {
    const src = base + b * width;
    if (axpy) axpy.call(kern, H, 1, ab, src, dh, b * H);
    else for (let j = 0; j < H; j++) dh[b * H + j] += ab[src + j];
  }
}
