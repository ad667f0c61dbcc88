import { describe, expect, it } from 'vitest';
import { ChainWork } from './chain-work';
import { jsKernels } from './kernels';
import { createEngineRng } from './rng';
import type { FloatArray } from './types';
import { createWasmKernels } from './wasm-kernels';
import { WASM_KERNELS_BASE64, WASM_KERNELS_FMA_BASE64 } from './wasm-kernels.generated';
import { testedVariants } from '../testing/kernel-variants';

const VARIANTS = testedVariants();

type Gemm = 'gemmNN' | 'gemmTN' | 'gemmNT';

/** Sizes of A and B for each product (stored shapes as in the Kernels interface). */
const sizesOf = (g: Gemm, M: number, N: number, K: number): [number, number] =>
  g === 'gemmNN' ? [M * K, K * N] : g === 'gemmTN' ? [K * M, K * N] : [M * K, N * K];

function fill(a: FloatArray, seed: number): void {
  const r = createEngineRng(seed);
  for (let i = 0; i < a.length; i++) a[i] = r.normal();
}

/** Products on float64 copies, and Σ|a||b| per entry for a float32 error bound. */
function reference(g: Gemm, M: number, N: number, K: number, A: FloatArray, ao: number, B: FloatArray, bo: number, C: FloatArray, co: number): { c: Float64Array; mag: Float64Array } {
  const c = Float64Array.from(C);
  const mag = new Float64Array(C.length);
  const a = (i: number, k: number): number => (g === 'gemmTN' ? A[ao + k * M + i] : A[ao + i * K + k]);
  const b = (k: number, j: number): number => (g === 'gemmNT' ? B[bo + j * K + k] : B[bo + k * N + j]);
  for (let i = 0; i < M; i++) for (let j = 0; j < N; j++) {
    let s = 0, m = Math.abs(C[co + i * N + j]);
    for (let k = 0; k < K; k++) {
      s += a(i, k) * b(k, j);
      m += Math.abs(a(i, k) * b(k, j));
    }
    c[co + i * N + j] += s;
    mag[co + i * N + j] = m;
  }
  return { c, mag };
}

const shapes: [number, number, number][] = [
  [1, 1, 1], [1, 7, 3], [2, 3, 1], [3, 5, 7], [4, 8, 4], [5, 9, 2], [7, 33, 13], [1, 64, 96], [32, 40, 37], [9, 17, 300], [33, 1, 5], [6, 6, 520],
];

it('both builds load in Node 20 (SIMD and shared memory; relaxed SIMD behind its flag)', () => {
  expect(VARIANTS).toEqual(['simd', 'fma']);
});

it('fuses the products\' multiply-adds in the relaxed build only (f32x4.relaxed_madd, opcode 0xfd 0x105)', () => {
  const count = (b64: string): number => {
    const b = Buffer.from(b64, 'base64');
    let n = 0;
    for (let i = 0; i + 2 < b.length; i++) if (b[i] === 0xfd && b[i + 1] === 0x85 && b[i + 2] === 0x02) n++;
    return n;
  };
  expect(count(WASM_KERNELS_BASE64)).toBe(0);
  // every micro-kernel's multiply-adds: the packed, NN, TN and NT tiles, their edge loops and axpy
  expect(count(WASM_KERNELS_FMA_BASE64)).toBeGreaterThanOrEqual(30);
});

describe.each(VARIANTS)('WebAssembly SIMD kernels, %s build', (variant) => {
  const base = createWasmKernels(variant);
  it('load', () => {
    expect(base?.name).toBe(variant === 'fma' ? 'wasm-fma' : 'wasm-simd');
  });
  if (!base) return;
  const k = base.forModel();

  for (const g of ['gemmNN', 'gemmTN', 'gemmNT'] as const) {
    it(`${g} agrees with the float64 result within float32 rounding, on odd shapes and offsets`, () => {
      let seed = 1;
      for (const [M, N, K] of shapes) {
        const [na, nb] = sizesOf(g, M, N, K);
        const ao = seed % 5, bo = (seed * 3) % 7, co = (seed * 2) % 3;
        const A = k.alloc('f32', na + ao), B = k.alloc('f32', nb + bo), C = k.alloc('f32', M * N + co + 2);
        fill(A, seed++);
        fill(B, seed++);
        fill(C, seed++);
        const { c, mag } = reference(g, M, N, K, A, ao, B, bo, C, co);
        k[g](M, N, K, A, ao, B, bo, C, co);
        for (let i = 0; i < C.length; i++) expect(Math.abs(C[i] - c[i])).toBeLessThanOrEqual(1e-6 * (mag[i] + 1));
        // and it matches the portable float32 kernels just as closely
        const C2 = k.alloc('f32', C.length);
        const C3 = new Float32Array(C.length);
        k[g](M, N, K, A, ao, B, bo, C2, co);
        jsKernels[g](M, N, K, A, ao, B, bo, C3, co);
        for (let i = 0; i < C.length; i++) expect(Math.abs(C2[i] - C3[i])).toBeLessThanOrEqual(1e-6 * (mag[i] + 1));
      }
    });
  }

  for (const form of ['pack', 'packTransposed'] as const) {
    it(`packed products (${form}) equal the float64 product within float32 rounding, and gemmNN on whole 4×8 tiles exactly`, () => {
      const p = k.packed!;
      let seed = 100;
      for (const [M, N, K] of [...shapes, [32, 1024, 256], [32, 256, 1024], [8, 24, 256]] as [number, number, number][]) {
        expect(p.reserve(M)).toBe(true);
        const ao = seed % 5, co = (seed * 2) % 3;
        const A = k.alloc('f32', M * K + ao), W = k.alloc('f32', N * K + 3), C = k.alloc('f32', M * N + co + 2);
        fill(A, seed++);
        fill(W, seed++);
        fill(C, seed++);
        // B as K×N: W itself for pack; W read as N×K (so B = Wᵀ) for packTransposed
        const Bkn = k.alloc('f32', K * N);
        for (let kk = 0; kk < K; kk++) for (let j = 0; j < N; j++) Bkn[kk * N + j] = form === 'pack' ? W[3 + kk * N + j] : W[3 + j * K + kk];
        const { c, mag } = reference('gemmNN', M, N, K, A, ao, Bkn, 0, C, co);
        const P = k.alloc('f32', p.floats(N, K));
        if (form === 'pack') p.pack(N, K, W, 3, P);
        else p.packTransposed(N, K, W, 3, P);
        const C2 = k.alloc('f32', C.length);
        C2.set(C);
        p.gemm(M, N, K, A, ao, P, C, co);
        let far = 0, unequal = 0;
        for (let i = 0; i < C.length; i++) if (!(Math.abs(C[i] - c[i]) <= 1e-6 * (mag[i] + 1))) far++;
        k.gemmNN(M, N, K, A, ao, Bkn, 0, C2, co);
        const M4 = M - (M % 4), N8 = N - (N % 8);
        for (let i = 0; i < M4; i++) for (let j = 0; j < N8; j++) if (C[co + i * N + j] !== C2[co + i * N + j]) unequal++;
        expect({ M, N, K, far, unequal }).toEqual({ M, N, K, far: 0, unequal: 0 });
      }
    });
  }

  it('runs the cells\' elementwise steps in wasm for float32 work buffers, not for float64 ones', () => {
    const w = new ChainWork('lstm', 'tanh', 5, 'f32', k);
    w.ensure(3, 2);
    expect(w.fast).toBe(k.cells);
    const w64 = new ChainWork('lstm', 'tanh', 5, 'f64', k);
    w64.ensure(3, 2);
    expect(w64.fast).toBeNull();
  });

  it('falls back to the portable kernels for arrays outside its memory, float64 included', () => {
    const A = new Float64Array([1, 2, 3, 4]), B = new Float64Array([5, 6, 7, 8]);
    const C = new Float64Array(4), C2 = new Float64Array(4);
    k.gemmNN(2, 2, 2, A, 0, B, 0, C, 0);
    jsKernels.gemmNN(2, 2, 2, A, 0, B, 0, C2, 0);
    expect(Array.from(C)).toEqual(Array.from(C2));
    expect(k.alloc('f64', 3)).toBeInstanceOf(Float64Array);
    const own = k.alloc('f32', 4);
    own.set([1, 2, 3, 4]);
    const D = new Float32Array(4);
    k.gemmNT(2, 2, 2, own, 0, Float32Array.from([1, 0, 0, 1]), 0, D, 0);
    expect(Array.from(D)).toEqual([1, 2, 3, 4]);
  });

  it('keeps every model on its wasm cells when another model\'s memory grows first', () => {
    // V8 may give a shared memory a fresh buffer object after a *different* memory grows; a model created
    // second once silently lost its wasm cells that way (and trained to slightly different numbers).
    const first = base.forModel();
    const second = base.forModel();
    first.alloc('f32', 1_000_000); // grows the first memory
    const w = new ChainWork('lstm', 'tanh', 8, 'f32', second);
    w.ensure(9, 4);
    expect(w.fast).toBe(second.cells);
  });

  it('keeps earlier buffers valid and zeroed memory fresh when its memory grows', () => {
    const kk = base.forModel();
    const a = kk.alloc('f32', 16);
    a.fill(2);
    const big = kk.alloc('f32', 20_000_000); // forces memory.grow
    expect(big.length).toBe(20_000_000);
    expect(big[19_999_999]).toBe(0);
    expect(a.length).toBe(16);
    const c = kk.alloc('f32', 16);
    kk.gemmNN(4, 4, 4, a, 0, a, 0, c, 0);
    expect(Array.from(c)).toEqual(new Array(16).fill(16));
  });
});
