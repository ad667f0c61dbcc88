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
  /** The optimizer's passes over flat buffers this set allocated (optimizer.ts); absent: the optimizer's own loops. */
  readonly optimizer?: OptimizerPasses;
  /** One-hot inputs as one gather or scatter per sequence, for buffers this set allocated; absent: one axpy per row. */
  readonly sparse?: SparseRows;
  /** Softmax cross-entropy over every row of a pass in one call, for buffers this set allocated; absent: loss.ts's loop. */
  readonly softmax?: SoftmaxRows;
}

/** Softmax cross-entropy scoring of many rows at once (see loss.ts for the formulas); float32 exponentials. */
export interface SoftmaxRows {
  /** Whether a lives where this scoring can reach it. */
  owns(a: FloatArray): boolean;
  /**
   * For each row r < rows with mask[r] set: dy row r ← scale·(softmax(y_r) − onehot(targets[r])); returns the
   * loss summed over those rows and the number whose argmax is the target, or null when it cannot run (no room).
   */
  score(rows: number, O: number, y: FloatArray, targets: Float64Array, mask: Uint8Array, dy: FloatArray, scale: number): { loss: number; correct: number } | null;
}

/**
 * Rows picked by (index, value) pairs, S per row, for rows [r0, r1) of a sequence (index −1: unused slot);
 * rows of n floats. The same float32 arithmetic, in the same order, as one axpy per pair.
 */
export interface SparseRows {
  /** Whether a lives where these products can reach it. */
  owns(a: FloatArray): boolean;
  /** dst row r += Σ_s val[r·S+s] · src row idx[r·S+s] */
  gather(r0: number, r1: number, S: number, n: number, idx: Int32Array, val: Float64Array, src: FloatArray, dst: FloatArray): void;
  /** dst row idx[r·S+s] += val[r·S+s] · src row r */
  scatter(r0: number, r1: number, S: number, n: number, idx: Int32Array, val: Float64Array, src: FloatArray, dst: FloatArray): void;
}

/**
 * One call per optimizer pass over a model's flat float32 values and gradients, with float64 state, giving the
 * same numbers as optimizer.ts's loops (same float64 operations in the same order).
 */
export interface OptimizerPasses {
  /** Whether a lives where these passes can reach it. */
  owns(a: FloatArray): boolean;
  /** A zeroed float64 buffer of n entries in reach of these passes, or null when there is no room. */
  allocState(n: number): Float64Array | null;
  /** Σ g² in float64, in index order. */
  sumSquares(g: FloatArray): number;
  /** g ← g·c */
  scale(g: FloatArray, c: number): void;
  /** v ← μ·v + g;  w ← w − lr·v */
  sgd(w: FloatArray, g: FloatArray, v: Float64Array, lr: number, mu: number): void;
  /** Adam with bias corrections c1 = 1/(1−β1^k), c2 = 1/(1−β2^k). */
  adam(w: FloatArray, g: FloatArray, m: Float64Array, s: Float64Array, lr: number, beta1: number, beta2: number, eps: number, c1: number, c2: number): void;
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
