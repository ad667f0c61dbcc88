/**
 * AssemblyScript entry point of the engine's WebAssembly SIMD kernels (built by scripts/build-wasm.mjs into
 * src-shared/engine/wasm-kernels.generated.ts). Every pointer argument is a byte address in the memory the
 * host imports as env.memory; matrices are row-major and contiguous, as in src-shared/engine/kernels.ts.
 * This directory is AssemblyScript, not TypeScript: it sits outside the root tsconfig's include globs.
 */
import { gemmNNScratch } from './gemm-nn';
import { gemmTNScratch } from './gemm-tn';

export { gemmNN } from './gemm-nn';
export { gemmNT } from './gemm-nt';
export { gemmTN } from './gemm-tn';
export { gemmPacked, gemmPackedScratchBytes, packB, packBT, packedFloats } from './gemm-packed';
export { axpy } from './axpy';
export { gatherAdd, scatterAdd } from './sparse';
export { softmaxRows } from './softmax';
export { adamStep, scaleGrads, sgdStep, sumSquares } from './optim';
export { sigmoidMap, tanhMap } from './vmath';
export { gruBackward, gruForward, lstmBackward, lstmForward, tanhBackward, tanhForward } from './cells';

/** First byte past the module's static data: the host may use everything from here on. */
export function heapBase(): usize {
  return __heap_base;
}

/** Bytes of scratch gemmNN and gemmTN need for products with N columns. */
export function gemmScratchBytes(N: i32): i32 {
  return max(gemmNNScratch(N), gemmTNScratch(N));
}
