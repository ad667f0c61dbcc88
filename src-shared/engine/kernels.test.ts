import { describe, expect, it } from 'vitest';
import { jsKernels } from './kernels';
import { createEngineRng } from './rng';

/** Naive reference: C[M×N] += op(A)·op(B). */
function reference(M: number, N: number, K: number, a: (i: number, k: number) => number, b: (k: number, j: number) => number, C: Float64Array): void {
  for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) {
    let s = 0;
    for (let k = 0; k < K; k++) s += a(i, k) * b(k, j);
    C[i * N + j] += s;
  }
}

function rand(n: number, seed: number): Float64Array {
  const r = createEngineRng(seed);
  return Float64Array.from({ length: n }, () => r.normal());
}

const sizes: [number, number, number][] = [[1, 1, 1], [1, 32, 32], [3, 5, 7], [4, 4, 4], [5, 9, 2], [32, 12, 50], [2, 3, 1]];

describe('jsKernels', () => {
  for (const [M, N, K] of sizes) {
    const off = 3;
    it(`gemmNN(${M}, ${N}, ${K}) accumulates C += A·B at offsets`, () => {
      const A = rand(M * K + off, 1), B = rand(K * N + off, 2), C = rand(M * N + off, 3);
      const expected = C.slice(off);
      reference(M, N, K, (i, k) => A[off + i * K + k], (k, j) => B[off + k * N + j], expected);
      jsKernels.gemmNN(M, N, K, A, off, B, off, C, off);
      Array.from(C.slice(off)).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 10));
    });
    it(`gemmTN(${M}, ${N}, ${K}) accumulates C += Aᵀ·B`, () => {
      const A = rand(K * M + off, 4), B = rand(K * N + off, 5), C = rand(M * N + off, 6);
      const expected = C.slice(off);
      reference(M, N, K, (i, k) => A[off + k * M + i], (k, j) => B[off + k * N + j], expected);
      jsKernels.gemmTN(M, N, K, A, off, B, off, C, off);
      Array.from(C.slice(off)).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 10));
    });
    it(`gemmNT(${M}, ${N}, ${K}) accumulates C += A·Bᵀ`, () => {
      const A = rand(M * K + off, 7), B = rand(N * K + off, 8), C = rand(M * N + off, 9);
      const expected = C.slice(off);
      reference(M, N, K, (i, k) => A[off + i * K + k], (k, j) => B[off + j * K + k], expected);
      jsKernels.gemmNT(M, N, K, A, off, B, off, C, off);
      Array.from(C.slice(off)).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 10));
    });
  }
  it('alloc(dtype, n) gives a zeroed Float32Array or Float64Array', () => {
    expect(jsKernels.alloc('f32', 4)).toEqual(new Float32Array(4));
    expect(jsKernels.alloc('f64', 2)).toBeInstanceOf(Float64Array);
  });
});
