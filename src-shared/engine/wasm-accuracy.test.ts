import { describe, expect, it } from 'vitest';
import type { Model } from './api';
import { createModel } from './model';
import { testConfig } from './test-fixtures';
import type { CellKind, Example, ModelConfig } from './types';
import { createWasmKernels } from './wasm-kernels';
import { testedVariants, VARIANT_REPORT } from '../testing/kernel-variants';

const VARIANTS = testedVariants();

const fb = { trace: true, truncate: 0 };

/** The same parameters in a float64 model: the float32 model's values, widened exactly. */
function f64Twin(m: Model): Model {
  const twin = createModel(m.config, 'f64');
  twin.params().forEach((p, i) => p.value.set(m.params()[i].value));
  return twin;
}

const relErr = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe.each(VARIANTS)('float32 on the WebAssembly kernels agrees with float64 when activations are tiny, %s build', (variant) => {
  const wasm = createWasmKernels(variant);
  it('the kernels load', () => expect(wasm).not.toBeNull());
  if (!wasm) return;

  it('RNN I=2, H=1, T=1, Wxh = [[1e-4, 0]], everything else 0: h and ∂L/∂Why within 1e-6 of float64', () => {
    const config = testConfig({ inputSize: 2, hiddenSize: 1, outputSize: 2 });
    const m = createModel(config, 'f32', wasm);
    expect(m.kernels).toBe(VARIANT_REPORT[variant]);
    for (const p of m.params()) p.value.fill(0);
    m.params().find((p) => p.name === 'l0.fwd.Wxh')!.value[0] = 1e-4;
    const ex: Example[] = [{ input: [0], target: [0] }];
    const twin = f64Twin(m);
    const a = m.forwardBackward(ex, fb), b = twin.forwardBackward(ex, fb);
    expect(relErr(a.trace!.hidden[0][0], b.trace!.hidden[0][0])).toBeLessThan(1e-6);
    const why = (x: Model): number[] => Array.from(x.params().find((p) => p.name === 'head.Why')!.grad);
    const ga = why(m), gb = why(twin);
    expect(Math.abs(gb[0])).toBeGreaterThan(1e-5);
    ga.forEach((g, i) => expect(relErr(g, gb[i])).toBeLessThan(1e-6));
  });

  const cells: [CellKind, Partial<ModelConfig>][] = [
    ['rnn', {}],
    ['lstm', { layers: 2 }],
    ['gru', { bidirectional: true }],
    ['lstm', { shape: 'encoder-decoder' }],
  ];
  for (const [cell, over] of cells) {
    it(`${cell} ${JSON.stringify(over)} with pre-activations around 1e-4: every gradient within 1e-4 of float64`, () => {
      const config = testConfig({ cell, inputSize: 7, hiddenSize: 9, outputSize: 5, ...over });
      const m = createModel(config, 'f32', wasm);
      // weights of about 1e-4 make every pre-activation, every tanh and every state about 1e-4 or smaller
      for (const p of m.params()) for (let i = 0; i < p.value.length; i++) p.value[i] = 1e-4 * Math.sin(3 * i + p.value.length);
      const twin = f64Twin(m);
      const ex: Example[] = [
        { input: [1, 4, 2, 0, 6], target: [0, 2, 1, 0, 4] },
        { input: [3, 5], target: [1, 3] },
      ];
      m.forwardBackward(ex, fb);
      const b = twin.forwardBackward(ex, fb);
      const hMax = Math.max(...b.trace!.hidden.flat().map(Math.abs));
      expect(hMax).toBeGreaterThan(1e-6);
      expect(hMax).toBeLessThan(1e-3);
      m.params().forEach((p, k) => {
        const ref = twin.params()[k].grad;
        const scale = Math.max(...Array.from(ref, Math.abs));
        expect(scale, p.name).toBeGreaterThan(0);
        for (let i = 0; i < ref.length; i++) expect(Math.abs(p.grad[i] - ref[i]), `${p.name}[${i}]`).toBeLessThanOrEqual(1e-4 * scale);
      });
    });
  }
});
