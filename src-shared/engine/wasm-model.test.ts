import { describe, expect, it } from 'vitest';
import { jsKernels, type Kernels } from './kernels';
import { createModel } from './model';
import { createOptimizer } from './optimizer';
import { testConfig } from './test-fixtures';
import type { CellKind, Example, ModelConfig } from './types';
import { createWasmKernels } from './wasm-kernels';
import { testedVariants, VARIANT_REPORT } from '../testing/kernel-variants';

const VARIANTS = testedVariants();

const fb = { trace: false, truncate: 0 };

/** Ragged batch (lengths 9, 4, 7, 1, 9): padding rows in the middle and at the end of the batch. */
function batch(I: number, O: number): Example[] {
  const lens = [9, 4, 7, 1, 9];
  return lens.map((n, b) => ({
    input: Array.from({ length: n }, (_, t) => (t * 7 + b * 3) % I),
    target: Array.from({ length: n }, (_, t) => (t * 5 + b) % O),
  }));
}

function curve(config: ModelConfig, kernels: typeof jsKernels, steps: number): { losses: number[]; grads: number[] } {
  const m = createModel(config, 'f32', kernels);
  const opt = createOptimizer({ kind: 'adam', learningRate: 0.01, momentum: 0, clipNorm: 5 }, m);
  const data = batch(config.inputSize, config.outputSize);
  const losses: number[] = [];
  let grads: number[] = [];
  for (let s = 0; s < steps; s++) {
    losses.push(m.forwardBackward(data, fb).loss);
    if (s === 0) grads = m.params().flatMap((p) => Array.from(p.grad));
    opt.step(m);
  }
  return { losses, grads };
}

describe.each(VARIANTS)('models on the WebAssembly kernels, %s build', (variant) => {
  const wasm = createWasmKernels(variant);
  if (!wasm) return;
  const cases: [CellKind, Partial<ModelConfig>][] = [
    ['rnn', {}],
    ['rnn', { activation: 'relu' }],
    ['lstm', { layers: 2, bidirectional: true }],
    ['gru', { layers: 2 }],
    ['lstm', { shape: 'encoder-decoder', bidirectional: true }],
    ['gru', { shape: 'many-to-one', bidirectional: true }],
  ];
  for (const [cell, over] of cases) {
    it(`${cell} ${JSON.stringify(over)}: same gradients and loss curve as the portable kernels (float32 rounding apart)`, () => {
      // H = 13: rows whose length is not a multiple of 4 exercise the kernels' one-lane tails
      const config = testConfig({ cell, inputSize: 11, hiddenSize: 13, outputSize: 6, ...over });
      if (config.shape === 'many-to-one') return expect(trainManyToOne(config, wasm)).toBe(true);
      const a = curve(config, wasm, 40), b = curve(config, jsKernels, 40);
      const gmax = Math.max(...b.grads.map(Math.abs));
      a.grads.forEach((g, i) => expect(Math.abs(g - b.grads[i])).toBeLessThan(1e-4 * gmax));
      a.losses.forEach((l, i) => expect(Math.abs(l - b.losses[i])).toBeLessThan(2e-3 * b.losses[0]));
      expect(a.losses[39]).toBeLessThan(a.losses[0] * 0.8);
    });
  }
});

/** Many-to-one needs one target per example: compare a short curve directly. */
function trainManyToOne(config: ModelConfig, wasm: NonNullable<ReturnType<typeof createWasmKernels>>): boolean {
  const data = batch(config.inputSize, config.outputSize).map((e, b) => ({ input: e.input, target: [b % config.outputSize] }));
  const run = (k: typeof jsKernels): number[] => {
    const m = createModel(config, 'f32', k);
    const opt = createOptimizer({ kind: 'sgd', learningRate: 0.2, momentum: 0.9, clipNorm: 5 }, m);
    return Array.from({ length: 30 }, () => {
      const l = m.forwardBackward(data, fb).loss;
      opt.step(m);
      return l;
    });
  };
  const a = run(wasm), b = run(jsKernels);
  return a.every((l, i) => Math.abs(l - b[i]) < 2e-3 * b[0]) && a[29] < a[0];
}

describe.each(VARIANTS)('one-hot inputs on the WebAssembly kernels, %s build', (variant) => {
  it('give the same gradients to the last bit with the one-call gathers and scatters as with one axpy per row', () => {
    const wasm = createWasmKernels(variant);
    expect(wasm).not.toBeNull();
    const config = testConfig({ cell: 'gru', inputSize: 6, hiddenSize: 10, outputSize: 4 });
    const data = batch(config.inputSize, config.outputSize);
    // two kernel sets of their own; the second with its sparse rows taken away, so the chain adds one axpy per (row, slot)
    type Editable = { sparse?: unknown; forModel: () => Kernels };
    const withSparse = wasm!.forModel(), withoutSparse = wasm!.forModel();
    expect(withSparse.sparse).toBeDefined();
    (withSparse as Editable).forModel = () => withSparse;
    (withoutSparse as Editable).forModel = () => withoutSparse;
    (withoutSparse as Editable).sparse = undefined;
    const a = createModel(config, 'f32', withSparse);
    const b = createModel(config, 'f32', withoutSparse);
    expect([a.kernels, b.kernels]).toEqual([VARIANT_REPORT[variant], VARIANT_REPORT[variant]]);
    a.forwardBackward(data, fb);
    b.forwardBackward(data, fb);
    expect(a.params().flatMap((p) => Array.from(p.grad))).toEqual(b.params().flatMap((p) => Array.from(p.grad)));
  });
});
