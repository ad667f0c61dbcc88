/** The benchmark's subject: the same training step on RNN Lab's own engine (float32, one thread). */
import { setFlagsFromString } from 'node:v8';
import { createModel, createOptimizer, setKernels } from '../../src-shared/engine/index';
import { createWasmKernels, type WasmKernels } from '../../src-shared/engine/wasm-kernels';
import type { Example } from '../../src-shared/engine/types';
import type { BenchCase, StepRunner } from './cases';
import { tokens } from './tfjs-peer';

/**
 * Install the kernel build the app runs (the fused one; `--kernels=simd` in args: the other) for every engine model
 * made afterwards. Electron and Chromium accept relaxed SIMD by default, Node 20 only behind a V8 flag, set here for
 * this process before anything compiles the kernels.
 */
export function useAppKernels(args: readonly string[], tool: string): WasmKernels {
  setFlagsFromString('--experimental-wasm-relaxed-simd');
  const kernels = createWasmKernels(args.includes('--kernels=simd') ? 'simd' : undefined);
  if (!kernels) throw new Error(`${tool}: this runtime cannot run the WebAssembly SIMD kernels`);
  setKernels(kernels);
  return kernels;
}

export function createEngineRunner(c: BenchCase): StepRunner {
  const model = createModel({
    cell: c.cell,
    activation: 'tanh',
    inputSize: c.I,
    hiddenSize: c.H,
    outputSize: c.O,
    layers: 1,
    bidirectional: false,
    shape: 'many-to-many',
    loss: 'softmax-ce',
    init: { kind: 'xavier', spectralRadius: 1 },
    seed: 1,
  });
  const optimizer = createOptimizer({ kind: 'sgd', learningRate: 0.01, momentum: 0, clipNorm: 0 }, model);
  const inputs = Array.from({ length: c.T }, (_, t) => tokens(c.B, c.I, t));
  const targets = Array.from({ length: c.T }, (_, t) => tokens(c.B, c.O, t + 7));
  const batch: Example[] = Array.from({ length: c.B }, (_, i) => ({
    input: inputs.map((row) => row[i]),
    target: targets.map((row) => row[i]),
  }));
  return {
    step() {
      model.forwardBackward(batch, { trace: false, truncate: 0 });
      optimizer.step(model);
    },
    dispose() {},
  };
}
