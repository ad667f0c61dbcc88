/**
 * Dense matrix kernels behind one interface, so a WebAssembly SIMD build can replace the plain TypeScript one
 * without touching the cells. Every matrix is row-major and contiguous (leading dimension = number of columns);
 * an offset says where it starts inside its buffer. All three products accumulate: C += …
 *
 * A replacement kernel may need its buffers in its own linear memory, which is why allocation goes through
 * `alloc` too: the model asks the kernels for every buffer it will hand back to them.
 *
 * Two sets exist: the portable one (js-kernels.ts, float32 and float64) and the WebAssembly SIMD one
 * (wasm-kernels.ts, float32 only, which hands float64 work back to the portable set). New models get the
 * WebAssembly set whenever the runtime can run it.
 */
import type { CellKernels } from './cell-kernels';
import { jsKernels } from './js-kernels';
import type { DType, FloatArray } from './types';
import { createWasmKernels } from './wasm-kernels';

export { jsKernels };

export interface Kernels {
  readonly name: string;
  /** A zeroed buffer of n floats that these kernels can work on. */
  alloc(dtype: DType, n: number): FloatArray;
  /** C[M×N] += A[M×K] · B[K×N] */
  gemmNN(M: number, N: number, K: number, A: FloatArray, aOff: number, B: FloatArray, bOff: number, C: FloatArray, cOff: number): void;
  /** C[M×N] += Aᵀ · B, where A is stored K×M and B is K×N (a sum of K outer products). */
  gemmTN(M: number, N: number, K: number, A: FloatArray, aOff: number, B: FloatArray, bOff: number, C: FloatArray, cOff: number): void;
  /** C[M×N] += A · Bᵀ, where A is M×K and B is stored N×K (every entry is a dot product of two rows). */
  gemmNT(M: number, N: number, K: number, A: FloatArray, aOff: number, B: FloatArray, bOff: number, C: FloatArray, cOff: number): void;
  /** y[yOff + i] += alpha · x[xOff + i] for i < n (absent: the caller's own loop). */
  axpy?(n: number, alpha: number, x: FloatArray, xOff: number, y: FloatArray, yOff: number): void;
  /** A set of the same kind with memory of its own, for one model (so that memory goes when the model goes). */
  forModel?(): Kernels;
  /** Elementwise cell steps for buffers this set allocated (see cell-kernels.ts); absent: the cells' own loops. */
  readonly cells?: CellKernels;
  /** Products whose right operand is packed once and reused, for buffers this set allocated; absent: none. */
  readonly packed?: PackedProducts;
}

/**
 * C += A·B where B is packed once (by pack or packTransposed) and then reused for many products: the recurrent
 * weights, the same at every time step of a pass. Results equal gemmNN's up to the order of the sums.
 */
export interface PackedProducts {
  /** Floats a packed operand with N columns and depth K needs. */
  floats(N: number, K: number): number;
  /** Whether a lives where these products can reach it. */
  owns(a: FloatArray): boolean;
  /** Make room for products of up to M rows; false when there is none (then do not call gemm). */
  reserve(M: number): boolean;
  /** dst ← B packed, B stored K×N at bOff. */
  pack(N: number, K: number, B: FloatArray, bOff: number, dst: FloatArray): void;
  /** dst ← Wᵀ packed (a K×N operand), W stored N×K at wOff. */
  packTransposed(N: number, K: number, W: FloatArray, wOff: number, dst: FloatArray): void;
  /** C[M×N] += A[M×K] · P, with P packed for the same N and K and M within what reserve allowed. */
  gemm(M: number, N: number, K: number, A: FloatArray, aOff: number, P: FloatArray, C: FloatArray, cOff: number): void;
}

let active: Kernels | null = null;

/**
 * The kernels new models will use: the WebAssembly SIMD set when this runtime accepts its module (it needs
 * SIMD and shared memory), the portable one otherwise, unless another set was installed with setKernels.
 */
export function getKernels(): Kernels {
  if (!active) active = createWasmKernels() ?? jsKernels;
  return active;
}

/** Install another kernel set for models created afterwards. */
export function setKernels(kernels: Kernels): void {
  active = kernels;
}
