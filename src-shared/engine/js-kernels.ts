/**
 * The portable kernel set: plain TypeScript loops over typed arrays (Float32Array or Float64Array),
 * register-blocked, no allocation. Every other set falls back to these for what it cannot do.
 */
import type { Kernels } from './kernels';
import type { DType, FloatArray } from './types';

/**
 * C += A·B with a 2×4 register tile: C[i..i+1, j..j+3] is summed over k in local variables and stored once.
 * A's two rows are read along k (contiguous), B's four columns one row of B at a time.
 */
function gemmNN(M: number, N: number, K: number, A: FloatArray, aOff: number, B: FloatArray, bOff: number, C: FloatArray, cOff: number): void {
  const M2 = M - (M % 2);
  const N4 = N - (N % 4);
  let i = 0;
  for (; i < M2; i += 2) {
    const a0 = aOff + i * K, a1 = a0 + K;
    const c0 = cOff + i * N, c1 = c0 + N;
    let j = 0;
    for (; j < N4; j += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let bk = bOff + j;
      for (let k = 0; k < K; k++, bk += N) {
        const x0 = A[a0 + k], x1 = A[a1 + k];
        const y0 = B[bk], y1 = B[bk + 1], y2 = B[bk + 2], y3 = B[bk + 3];
        s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
        s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
      }
      C[c0 + j] += s00; C[c0 + j + 1] += s01; C[c0 + j + 2] += s02; C[c0 + j + 3] += s03;
      C[c1 + j] += s10; C[c1 + j + 1] += s11; C[c1 + j + 2] += s12; C[c1 + j + 3] += s13;
    }
    for (; j < N; j++) {
      let s0 = 0, s1 = 0;
      let bk = bOff + j;
      for (let k = 0; k < K; k++, bk += N) {
        const y = B[bk];
        s0 += A[a0 + k] * y;
        s1 += A[a1 + k] * y;
      }
      C[c0 + j] += s0;
      C[c1 + j] += s1;
    }
  }
  for (; i < M; i++) {
    const a0 = aOff + i * K;
    const c0 = cOff + i * N;
    let j = 0;
    for (; j < N4; j += 4) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let bk = bOff + j;
      for (let k = 0; k < K; k++, bk += N) {
        const x = A[a0 + k];
        s0 += x * B[bk]; s1 += x * B[bk + 1]; s2 += x * B[bk + 2]; s3 += x * B[bk + 3];
      }
      C[c0 + j] += s0; C[c0 + j + 1] += s1; C[c0 + j + 2] += s2; C[c0 + j + 3] += s3;
    }
    for (; j < N; j++) {
      let s = 0;
      let bk = bOff + j;
      for (let k = 0; k < K; k++, bk += N) s += A[a0 + k] * B[bk];
      C[c0 + j] += s;
    }
  }
}

/**
 * C += Aᵀ·B (A stored K×M, B stored K×N) with a 4×4 register tile: for every k, four entries of row k of A
 * and four of row k of B give sixteen multiply-adds held in locals; C is touched once per tile.
 */
function gemmTN(M: number, N: number, K: number, A: FloatArray, aOff: number, B: FloatArray, bOff: number, C: FloatArray, cOff: number): void {
  const M4 = M - (M % 4);
  const N4 = N - (N % 4);
  let i = 0;
  for (; i < M4; i += 4) {
    const c0 = cOff + i * N, c1 = c0 + N, c2 = c1 + N, c3 = c2 + N;
    let j = 0;
    for (; j < N4; j += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      let ak = aOff + i, bk = bOff + j;
      for (let k = 0; k < K; k++, ak += M, bk += N) {
        const x0 = A[ak], x1 = A[ak + 1], x2 = A[ak + 2], x3 = A[ak + 3];
        const y0 = B[bk], y1 = B[bk + 1], y2 = B[bk + 2], y3 = B[bk + 3];
        s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
        s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
        s20 += x2 * y0; s21 += x2 * y1; s22 += x2 * y2; s23 += x2 * y3;
        s30 += x3 * y0; s31 += x3 * y1; s32 += x3 * y2; s33 += x3 * y3;
      }
      C[c0 + j] += s00; C[c0 + j + 1] += s01; C[c0 + j + 2] += s02; C[c0 + j + 3] += s03;
      C[c1 + j] += s10; C[c1 + j + 1] += s11; C[c1 + j + 2] += s12; C[c1 + j + 3] += s13;
      C[c2 + j] += s20; C[c2 + j + 1] += s21; C[c2 + j + 2] += s22; C[c2 + j + 3] += s23;
      C[c3 + j] += s30; C[c3 + j + 1] += s31; C[c3 + j + 2] += s32; C[c3 + j + 3] += s33;
    }
    for (; j < N; j++) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let ak = aOff + i, bk = bOff + j;
      for (let k = 0; k < K; k++, ak += M, bk += N) {
        const y = B[bk];
        s0 += A[ak] * y; s1 += A[ak + 1] * y; s2 += A[ak + 2] * y; s3 += A[ak + 3] * y;
      }
      C[c0 + j] += s0; C[c1 + j] += s1; C[c2 + j] += s2; C[c3 + j] += s3;
    }
  }
  for (; i < M; i++) {
    const c0 = cOff + i * N;
    for (let j = 0; j < N; j++) {
      let s = 0;
      let ak = aOff + i, bk = bOff + j;
      for (let k = 0; k < K; k++, ak += M, bk += N) s += A[ak] * B[bk];
      C[c0 + j] += s;
    }
  }
}

/** C += A·Bᵀ: C[i,j] = row i of A · row j of B; a 2×4 register block shares each loaded value across 4 or 2 sums. */
function gemmNT(M: number, N: number, K: number, A: FloatArray, aOff: number, B: FloatArray, bOff: number, C: FloatArray, cOff: number): void {
  const M2 = M - (M % 2);
  const N4 = N - (N % 4);
  let i = 0;
  for (; i < M2; i += 2) {
    const a0 = aOff + i * K, a1 = a0 + K;
    const c0 = cOff + i * N, c1 = c0 + N;
    let j = 0;
    for (; j < N4; j += 4) {
      const b0 = bOff + j * K, b1 = b0 + K, b2 = b1 + K, b3 = b2 + K;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      for (let k = 0; k < K; k++) {
        const x0 = A[a0 + k], x1 = A[a1 + k];
        const y0 = B[b0 + k], y1 = B[b1 + k], y2 = B[b2 + k], y3 = B[b3 + k];
        s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
        s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
      }
      C[c0 + j] += s00; C[c0 + j + 1] += s01; C[c0 + j + 2] += s02; C[c0 + j + 3] += s03;
      C[c1 + j] += s10; C[c1 + j + 1] += s11; C[c1 + j + 2] += s12; C[c1 + j + 3] += s13;
    }
    for (; j < N; j++) {
      const b0 = bOff + j * K;
      let s0 = 0, s1 = 0;
      for (let k = 0; k < K; k++) {
        const y = B[b0 + k];
        s0 += A[a0 + k] * y;
        s1 += A[a1 + k] * y;
      }
      C[c0 + j] += s0;
      C[c1 + j] += s1;
    }
  }
  for (; i < M; i++) {
    const a0 = aOff + i * K;
    const c0 = cOff + i * N;
    let j = 0;
    for (; j < N4; j += 4) {
      const b0 = bOff + j * K, b1 = b0 + K, b2 = b1 + K, b3 = b2 + K;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let k = 0; k < K; k++) {
        const x = A[a0 + k];
        s0 += x * B[b0 + k]; s1 += x * B[b1 + k]; s2 += x * B[b2 + k]; s3 += x * B[b3 + k];
      }
      C[c0 + j] += s0; C[c0 + j + 1] += s1; C[c0 + j + 2] += s2; C[c0 + j + 3] += s3;
    }
    for (; j < N; j++) {
      const b0 = bOff + j * K;
      let s = 0;
      for (let k = 0; k < K; k++) s += A[a0 + k] * B[b0 + k];
      C[c0 + j] += s;
    }
  }
}

function alloc(dtype: DType, n: number): FloatArray {
  return dtype === 'f64' ? new Float64Array(n) : new Float32Array(n);
}

/** The portable kernels: plain TypeScript loops over typed arrays, register-blocked, no allocation. */
export const jsKernels: Kernels = { name: 'js', alloc, gemmNN, gemmTN, gemmNT };
