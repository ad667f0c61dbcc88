/**
 * The WebAssembly SIMD kernel set (float32 only). Each instance owns one shared wasm memory and hands out
 * buffers from it with a bump pointer; a model gets an instance of its own (forModel), so its memory is
 * released with it. The engine only abandons a buffer when it needs a bigger one, and its buffers grow
 * geometrically, so what a model leaves behind stays within a small multiple of what it uses.
 *
 * Growth: the memory is shared, so memory.grow keeps every existing view valid (it can neither move nor
 * detach); views made after a grow see the larger buffer. Every buffer object the memory has shown is
 * remembered, which is how a product knows its operands are in wasm memory. Anything else (float64 arrays,
 * arrays made elsewhere, or buffers handed out as plain arrays once the memory is at its maximum) goes to
 * the portable kernels, so results never depend on where an array lives, only speed does.
 */
import type { Kernels, OptimizerPasses, PackedProducts, SoftmaxRows, SparseRows } from './kernels';
import { jsKernels } from './js-kernels';
import type { DType, FloatArray } from './types';
import { bestKernelVariant, instantiateKernels, kernelModule, MAX_PAGES, PAGE_BYTES, type KernelExports, type KernelInstance, type KernelVariant } from './wasm-module';
import { WasmCells } from './wasm-cells';

/** Buffers start on 64-byte boundaries (a cache line). */
const ALIGN = 64;

export class WasmKernels implements Kernels {
  readonly name: 'wasm-fma' | 'wasm-simd';
  readonly cells: WasmCells;
  readonly packed: PackedProducts;
  readonly optimizer: OptimizerPasses;
  readonly sparse: SparseRows;
  readonly softmax: SoftmaxRows;
  private readonly memory: WebAssembly.Memory;
  private readonly x: KernelExports;
  /** Next free byte. */
  private top: number;
  /** Where gemmNN and gemmTN pack blocks of their operands (grows like any buffer). */
  private scratch: FloatArray | null = null;
  /** The (index, value) pairs of a sparse call, copied into this memory (grow like any buffer). */
  private pairIdx: Int32Array<ArrayBufferLike> = new Int32Array(0);
  private pairVal: Float32Array<ArrayBufferLike> = new Float32Array(0);
  /** Per-row targets of a softmax call (−1: no target), then one slot for the count it returns. */
  private rowTargets: Int32Array<ArrayBufferLike> = new Int32Array(0);
  /** Where gemmPacked keeps its strips of A (grows like any buffer). */
  private packScratch: FloatArray | null = null;
  /** Every ArrayBuffer object this memory has shown (one per grow). */
  private readonly buffers = new WeakSet<ArrayBufferLike>();

  constructor(
    private readonly variant: KernelVariant,
    private readonly module: WebAssembly.Module,
    inst: KernelInstance,
  ) {
    this.name = variant === 'fma' ? 'wasm-fma' : 'wasm-simd';
    this.memory = inst.memory;
    this.x = inst.exports;
    this.top = Math.ceil(this.x.heapBase() / ALIGN) * ALIGN;
    this.buffers.add(this.memory.buffer);
    this.cells = new WasmCells(this.x, (a) => this.owns(a));
    const x = this.x;
    this.packed = {
      floats: (N, K) => x.packedFloats(N, K),
      owns: (a) => this.owns(a),
      reserve: (M) => this.reservePackScratch(M),
      pack: (N, K, B, bOff, dst) => x.packB(N, K, B.byteOffset + 4 * bOff, dst.byteOffset),
      packTransposed: (N, K, W, wOff, dst) => x.packBT(N, K, W.byteOffset + 4 * wOff, dst.byteOffset),
      gemm: (M, N, K, A, aOff, P, C, cOff) => x.gemmPacked(M, N, K, A.byteOffset + 4 * aOff, P.byteOffset, C.byteOffset + 4 * cOff, this.packScratch!.byteOffset),
    };
    const rows = (kernel: 'gatherAdd' | 'scatterAdd', dstRows: boolean) =>
      (r0: number, r1: number, S: number, n: number, idx: Int32Array, val: Float64Array, src: FloatArray, dst: FloatArray): void => {
        if (!this.pairs(r0, r1, S, idx, val)) {
          // no room for the pairs: the same sums, one axpy per pair
          for (let r = r0; r < r1; r++) {
            for (let s = 0; s < S; s++) {
              const col = idx[r * S + s];
              if (col < 0) continue;
              if (dstRows) this.axpy(n, val[r * S + s], src, col * n, dst, r * n);
              else this.axpy(n, val[r * S + s], src, r * n, dst, col * n);
            }
          }
          return;
        }
        const srcAt = src.byteOffset + (dstRows ? 0 : 4 * r0 * n), dstAt = dst.byteOffset + (dstRows ? 4 * r0 * n : 0);
        x[kernel](r1 - r0, S, n, this.pairIdx.byteOffset, this.pairVal.byteOffset, srcAt, dstAt);
      };
    this.sparse = { owns: (a) => this.owns(a), gather: rows('gatherAdd', true), scatter: rows('scatterAdd', false) };
    this.softmax = {
      owns: (a) => this.owns(a),
      score: (rows, O, y, targets, mask, dy, scale) => {
        if (this.rowTargets.length < rows + 1) {
          const a = this.alloc('f32', rows + 1);
          if (!this.owns(a)) return null;
          this.rowTargets = new Int32Array(a.buffer, a.byteOffset, rows + 1);
        }
        const tg = this.rowTargets;
        for (let r = 0; r < rows; r++) tg[r] = mask[r] ? targets[r] : -1;
        const loss = x.softmaxRows(rows, O, y.byteOffset, tg.byteOffset, dy.byteOffset, scale, tg.byteOffset + 4 * rows);
        return { loss, correct: tg[rows] };
      },
    };
    this.optimizer = {
      owns: (a) => this.owns(a),
      allocState: (n) => this.allocF64(n),
      sumSquares: (g) => x.sumSquares(g.length, g.byteOffset),
      scale: (g, c) => x.scaleGrads(g.length, g.byteOffset, c),
      sgd: (w, g, v, lr, mu) => x.sgdStep(w.length, w.byteOffset, g.byteOffset, v.byteOffset, lr, mu),
      adam: (w, g, m, s, lr, b1, b2, eps, c1, c2) => x.adamStep(w.length, w.byteOffset, g.byteOffset, m.byteOffset, s.byteOffset, lr, b1, b2, eps, c1, c2),
    };
  }

  /** Run a sparse kernel over rows [r0, r1) after copying their pairs into this memory; false when there is no room. */
  private pairs(r0: number, r1: number, S: number, idx: Int32Array, val: Float64Array): boolean {
    const n = (r1 - r0) * S;
    if (this.pairIdx.length < n) {
      const a = this.alloc('f32', n), b = this.alloc('f32', n);
      if (!this.owns(a) || !this.owns(b)) return false;
      this.pairIdx = new Int32Array(a.buffer, a.byteOffset, n);
      this.pairVal = b as Float32Array;
    }
    this.pairIdx.set(idx.subarray(r0 * S, r1 * S));
    this.pairVal.set(val.subarray(r0 * S, r1 * S));
    return true;
  }

  /** A zeroed float64 view into this memory (optimizer state), or null when the memory is full. */
  private allocF64(n: number): Float64Array | null {
    const f = this.alloc('f32', 2 * n);
    return this.owns(f) ? new Float64Array(f.buffer, f.byteOffset, n) : null;
  }

  forModel(): Kernels {
    const inst = instantiateKernels(this.module);
    return inst ? new WasmKernels(this.variant, this.module, inst) : jsKernels;
  }

  /** Whether a is a float32 view into this set's memory. */
  owns(a: FloatArray): boolean {
    return a instanceof Float32Array && this.buffers.has(a.buffer);
  }

  alloc(dtype: DType, n: number): FloatArray {
    if (dtype !== 'f32') return jsKernels.alloc(dtype, n);
    const end = this.top + Math.ceil((n * 4) / ALIGN) * ALIGN;
    let buf = this.memory.buffer;
    if (end > buf.byteLength) {
      const pages = buf.byteLength / PAGE_BYTES;
      const need = Math.ceil((end - buf.byteLength) / PAGE_BYTES);
      // at least double, so a model growing step by step calls grow only a few times
      const grow = Math.min(Math.max(need, pages), MAX_PAGES - pages);
      if (grow < need) return new Float32Array(n);
      try {
        this.memory.grow(grow);
      } catch {
        return new Float32Array(n);
      }
      buf = this.memory.buffer;
      this.buffers.add(buf);
    }
    // V8 may hand out a fresh SharedArrayBuffer object for this memory after *another* shared memory in the
    // process grows, so remember every object this memory shows, not only those after our own grows.
    this.buffers.add(buf);
    const view = new Float32Array(buf, this.top, n);
    this.top = end;
    return view;
  }

  gemmNN(M: number, N: number, K: number, A: FloatArray, aOff: number, B: FloatArray, bOff: number, C: FloatArray, cOff: number): void {
    if (this.owns(A) && this.owns(B) && this.owns(C)) {
      const s = this.scratchFor(N);
      if (s >= 0) return this.x.gemmNN(M, N, K, A.byteOffset + 4 * aOff, B.byteOffset + 4 * bOff, C.byteOffset + 4 * cOff, s);
    }
    jsKernels.gemmNN(M, N, K, A, aOff, B, bOff, C, cOff);
  }

  gemmTN(M: number, N: number, K: number, A: FloatArray, aOff: number, B: FloatArray, bOff: number, C: FloatArray, cOff: number): void {
    if (this.owns(A) && this.owns(B) && this.owns(C)) {
      const s = this.scratchFor(N);
      if (s >= 0) return this.x.gemmTN(M, N, K, A.byteOffset + 4 * aOff, B.byteOffset + 4 * bOff, C.byteOffset + 4 * cOff, s);
    }
    jsKernels.gemmTN(M, N, K, A, aOff, B, bOff, C, cOff);
  }

  axpy(n: number, alpha: number, x: FloatArray, xOff: number, y: FloatArray, yOff: number): void {
    if (this.owns(x) && this.owns(y)) this.x.axpy(n, alpha, x.byteOffset + 4 * xOff, y.byteOffset + 4 * yOff);
    else for (let i = 0; i < n; i++) y[yOff + i] += alpha * x[xOff + i];
  }

  /** Byte address of a scratch area big enough for N columns, or −1 if wasm memory cannot provide one. */
  private scratchFor(N: number): number {
    const bytes = this.x.gemmScratchBytes(N);
    if (!this.scratch || this.scratch.length * 4 < bytes) {
      const s = this.alloc('f32', bytes / 4);
      if (!this.owns(s)) return -1;
      this.scratch = s;
    }
    return this.scratch.byteOffset;
  }

  /** Whether gemmPacked's scratch can hold strips of M rows (growing it if needed). */
  private reservePackScratch(M: number): boolean {
    const bytes = this.x.gemmPackedScratchBytes(M);
    if (this.packScratch && this.packScratch.length * 4 >= bytes) return true;
    const s = this.alloc('f32', bytes / 4);
    if (!this.owns(s)) return false;
    this.packScratch = s;
    return true;
  }

  gemmNT(M: number, N: number, K: number, A: FloatArray, aOff: number, B: FloatArray, bOff: number, C: FloatArray, cOff: number): void {
    if (this.owns(A) && this.owns(B) && this.owns(C)) this.x.gemmNT(M, N, K, A.byteOffset + 4 * aOff, B.byteOffset + 4 * bOff, C.byteOffset + 4 * cOff);
    else jsKernels.gemmNT(M, N, K, A, aOff, B, bOff, C, cOff);
  }
}

/**
 * A WebAssembly SIMD kernel set of the given build (by default the fastest this runtime accepts), or null when
 * this runtime cannot run it.
 */
export function createWasmKernels(variant: KernelVariant | null = bestKernelVariant()): WasmKernels | null {
  const module = variant && kernelModule(variant);
  const inst = module && instantiateKernels(module);
  return variant && module && inst ? new WasmKernels(variant, module, inst) : null;
}
