/**
 * Both builds of the WebAssembly kernels, for the tests that hold them to the portable kernels. Node 20 runs the
 * fused (relaxed SIMD) build only behind a V8 flag, which Chromium and Electron do not need; setting it here
 * changes this test file's own process only (the node project runs each file in a fresh fork), so every other
 * test still sees the plain build, as a Node 20 user would.
 */
import { setFlagsFromString } from 'node:v8';
import { kernelModule, type KernelVariant } from '../engine/wasm-module';

/** The builds this process can run, after allowing relaxed SIMD; call it before anything compiles the kernels. */
export function testedVariants(): KernelVariant[] {
  setFlagsFromString('--experimental-wasm-relaxed-simd');
  return (['simd', 'fma'] as const).filter((v) => kernelModule(v) !== null);
}

/** The report a model on each build gives (Model.kernels). */
export const VARIANT_REPORT = { simd: 'wasm-simd', fma: 'wasm-fma' } as const;
