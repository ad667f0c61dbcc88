/**
 * Loading the WebAssembly kernel module: decode the generated base64, check that this runtime accepts it
 * (SIMD and shared memory), compile it once, and instantiate it over a fresh shared memory per kernel set.
 * Shared memory is what makes growth safe: growing it never detaches the Float32Array views the engine
 * already holds (a non-shared memory's grow would empty every one of them).
 */
import { WASM_KERNELS_BASE64, WASM_KERNELS_FMA_BASE64 } from './wasm-kernels.generated';

/**
 * The two builds of the same kernels: 'fma' uses relaxed SIMD's fused multiply-add in the matrix products
 * (Chromium and Electron accept it by default; Node 20 only with --experimental-wasm-relaxed-simd), 'simd' a
 * multiply then an add. Fusing skips one rounding per product term, so the two agree to the last bits only.
 */
export type KernelVariant = 'fma' | 'simd';

/** Largest memory of one kernel set, in 64 KiB pages (2 GiB); must match scripts/build-wasm.mjs. */
export const MAX_PAGES = 32768;
export const PAGE_BYTES = 65536;

/** What the module exports; pointers are byte addresses, sizes are counts of floats. */
export interface KernelExports {
  heapBase(): number;
  /** Bytes of scratch gemmNN and gemmTN need for N columns. */
  gemmScratchBytes(N: number): number;
  gemmNN(M: number, N: number, K: number, a: number, b: number, c: number, scratch: number): void;
  gemmTN(M: number, N: number, K: number, a: number, b: number, c: number, scratch: number): void;
  gemmNT(M: number, N: number, K: number, a: number, b: number, c: number): void;
  axpy(n: number, alpha: number, x: number, y: number): void;
  /** One-hot rows (sparse.ts): idx i32 and val f32 pairs, S per row, rows of n floats. */
  gatherAdd(rows: number, S: number, n: number, idx: number, val: number, src: number, dst: number): void;
  scatterAdd(rows: number, S: number, n: number, idx: number, val: number, src: number, dst: number): void;
  /** Softmax cross-entropy over rows (softmax.ts): targets i32 (−1: none); returns Σ loss, writes the count of correct rows at `correct`. */
  softmaxRows(rows: number, O: number, y: number, targets: number, dy: number, scale: number, correct: number): number;
  /** The optimizer's passes (optim.ts): float32 values and gradients, float64 state. */
  sumSquares(n: number, g: number): number;
  scaleGrads(n: number, g: number, c: number): void;
  sgdStep(n: number, w: number, g: number, v: number, lr: number, mu: number): void;
  adamStep(n: number, w: number, g: number, m: number, s: number, lr: number, b1: number, b2: number, eps: number, c1: number, c2: number): void;
  /** Packed right operands (gemm-packed.ts): floats one takes, packing from K×N (packB) or from N×K as its transpose (packBT). */
  packedFloats(N: number, K: number): number;
  packB(N: number, K: number, b: number, dst: number): void;
  packBT(N: number, K: number, w: number, dst: number): void;
  /** Bytes of scratch gemmPacked needs for M rows. */
  gemmPackedScratchBytes(M: number): number;
  gemmPacked(M: number, N: number, K: number, a: number, bp: number, c: number, scratch: number): void;
  tanhForward(n: number, g: number, h: number): void;
  /** y ← σ(x), y ← tanh(x) over n floats: the cell kernels' own activations, exported for their accuracy tests. */
  sigmoidMap(n: number, x: number, y: number): void;
  tanhMap(n: number, x: number, y: number): void;
  tanhBackward(n: number, h: number, dh: number, dz: number, dhp: number): void;
  lstmForward(rows: number, H: number, gates: number, csPrev: number, csCur: number, hsCur: number, tc: number): void;
  lstmBackward(rows: number, H: number, gates: number, csPrev: number, tc: number, dh: number, dc: number, dz: number, dhp: number): void;
  gruForward(rows: number, H: number, gates: number, zh: number, hsPrev: number, hsCur: number, hn: number): void;
  gruBackward(rows: number, H: number, gates: number, hn: number, hsPrev: number, dh: number, dz: number, dzh: number, dhp: number): void;
}

export interface KernelInstance {
  readonly memory: WebAssembly.Memory;
  readonly exports: KernelExports;
}

const compiled = new Map<KernelVariant, WebAssembly.Module | null>();

function decodeBase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The variant's compiled module, or null when this runtime rejects it (no SIMD, relaxed SIMD or shared memory, no WebAssembly). */
export function kernelModule(variant: KernelVariant): WebAssembly.Module | null {
  const known = compiled.get(variant);
  if (known !== undefined) return known;
  let module: WebAssembly.Module | null = null;
  try {
    if (typeof WebAssembly === 'object') {
      const bytes = decodeBase64(variant === 'fma' ? WASM_KERNELS_FMA_BASE64 : WASM_KERNELS_BASE64);
      // Synchronous compilation: fine in Node and workers; a browser main thread may refuse it (then: null).
      if (WebAssembly.validate(bytes)) module = new WebAssembly.Module(bytes);
    }
  } catch {
    module = null;
  }
  compiled.set(variant, module);
  return module;
}

/** The fastest variant this runtime runs: 'fma' where it accepts relaxed SIMD, else 'simd', else null. */
export function bestKernelVariant(): KernelVariant | null {
  if (kernelModule('fma')) return 'fma';
  return kernelModule('simd') ? 'simd' : null;
}

/** A new instance over its own shared memory, or null when the runtime cannot create one. */
export function instantiateKernels(module: WebAssembly.Module): KernelInstance | null {
  try {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: MAX_PAGES, shared: true });
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    return { memory, exports: instance.exports as unknown as KernelExports };
  } catch {
    return null;
  }
}
