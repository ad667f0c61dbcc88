import { describe, expect, it } from 'vitest';
import { createModel } from './model';
import { gradCheck } from './gradcheck';
import { testConfig } from './test-fixtures';
import type { CellKind, Example, ModelConfig, ProblemShape } from './types';
import { createWasmKernels } from './wasm-kernels';

const I = 4, H = 3;
const wave = (n: number, k: number): number[][] => Array.from({ length: n }, (_, t) => Array.from({ length: I }, (_, j) => Math.sin(1.3 * t + 0.7 * j + k)));
const state = (n: number, k: number): number[] => Array.from({ length: n }, (_, j) => 0.4 * Math.cos(j + 2 * k));

/** Dense inputs of lengths 4, 2, 3 (padded), each example with its own h_0 (and c_0 for the LSTM). */
function batchFor(config: ModelConfig, dense: boolean): Example[] {
  const lens = [4, 2, 3];
  const dirs = config.bidirectional && config.shape !== 'one-to-many' ? 2 : 1;
  const n = config.layers * dirs * H;
  return lens.map((len, k) => {
    const target = config.shape === 'many-to-one' ? [k % 3] : config.shape === 'encoder-decoder' ? [k % 3, (k + 1) % 3] : Array.from({ length: len }, (_, t) => (t + k) % 3);
    const input = config.shape === 'one-to-many' ? [k % I] : dense ? [] : Array.from({ length: len }, (_, t) => (t * 3 + k) % I);
    return {
      input,
      ...(dense && config.shape !== 'one-to-many' ? { inputVectors: wave(len, k) } : {}),
      target,
      h0: state(n, k),
      ...(config.cell === 'lstm' ? { c0: state(n, k + 5).map((v) => -v) } : {}),
    };
  });
}

function modelFor(over: Partial<ModelConfig>) {
  const m = createModel(testConfig({ inputSize: I, hiddenSize: H, ...over }), 'f64');
  for (const p of m.params()) if (p.shape.length === 1) for (let i = 0; i < p.value.length; i++) p.value[i] += 0.05 * Math.sin(i + 1);
  return m;
}

const cases: [CellKind, ProblemShape, Partial<ModelConfig>][] = [
  ['rnn', 'many-to-many', {}],
  ['lstm', 'many-to-many', { layers: 2, bidirectional: true }],
  ['gru', 'many-to-one', { bidirectional: true }],
  ['lstm', 'encoder-decoder', { bidirectional: true }],
  ['gru', 'one-to-many', { layers: 2 }],
];

describe('dense input vectors and initial states h_0, c_0 (float64 against finite differences)', () => {
  for (const [cell, shape, over] of cases) {
    const label = `${cell} ${shape} ${JSON.stringify(over)}`;
    it(`${label}: parameter gradients`, () => {
      const m = modelFor({ cell, shape, ...over });
      const r = gradCheck(m, batchFor(m.config, true));
      expect(r.checked).toBeGreaterThan(0);
      if (r.maxRelError >= 1e-5) throw new Error(`worst ${JSON.stringify(r.worst)}`);
    });

    it(`${label}: ∂L/∂h_0 and ∂L/∂c_0 of every example`, () => {
      const m = modelFor({ cell, shape, ...over });
      const ex = batchFor(m.config, true);
      const fb = { trace: false, truncate: 0 };
      const grads = m.forwardBackward(ex, { ...fb, initialStateGrads: true }).initialStateGrads!;
      expect(grads.dh0).toHaveLength(ex.length);
      expect(grads.dc0 !== undefined).toBe(cell === 'lstm');
      const eps = 1e-5;
      let nonzero = 0;
      for (const key of cell === 'lstm' ? (['h0', 'c0'] as const) : (['h0'] as const)) {
        const analytic = key === 'h0' ? grads.dh0 : grads.dc0!;
        ex.forEach((e, b) => e[key]!.forEach((_, j) => {
          const nudged = (d: number) => ex.map((x, k) => (k === b ? { ...x, [key]: x[key]!.map((v, i) => (i === j ? v + d : v)) } : x));
          const numeric = (m.forwardBackward(nudged(eps), fb).loss - m.forwardBackward(nudged(-eps), fb).loss) / (2 * eps);
          expect(analytic[b][j], `${key} example ${b} entry ${j}`).toBeCloseTo(numeric, 8);
          if (Math.abs(numeric) > 1e-4) nonzero++;
        }));
      }
      expect(nonzero).toBeGreaterThan(0);
    });
  }

  it('a one-hot vector in inputVectors is the same input as its token', () => {
    const config = testConfig({ cell: 'lstm', inputSize: I, hiddenSize: H, layers: 2 });
    const tokens = batchFor(config, false);
    const vectors = tokens.map((e) => ({ ...e, input: [], inputVectors: e.input.map((id) => Array.from({ length: I }, (_, j) => (j === id ? 1 : 0))) }));
    const a = createModel(config, 'f64'), b = createModel(config, 'f64');
    const fb = { trace: true, truncate: 0 };
    const ra = a.forwardBackward(tokens, fb), rb = b.forwardBackward(vectors, fb);
    expect(rb.loss).toBeCloseTo(ra.loss, 12);
    a.params().forEach((p, k) => p.grad.forEach((g, i) => expect(b.params()[k].grad[i]).toBeCloseTo(g, 12)));
    expect(rb.trace!.hidden).toEqual(ra.trace!.hidden);
  });

  it('starting from h_0 changes the states; leaving it out is starting from zeros', () => {
    const config = testConfig({ cell: 'gru', inputSize: I, hiddenSize: H });
    const m = createModel(config, 'f64');
    const ex = batchFor(config, true);
    const fb = { trace: true, truncate: 0 };
    const zero = ex.map((e) => ({ ...e, h0: e.h0!.map(() => 0) }));
    const none = ex.map(({ h0: _, ...e }) => e);
    expect(m.forwardBackward(zero, fb).trace!.hidden).toEqual(m.forwardBackward(none, fb).trace!.hidden);
    expect(m.forwardBackward(ex, fb).trace!.hidden[0]).not.toEqual(m.forwardBackward(none, fb).trace!.hidden[0]);
  });

  it('refuses malformed dense inputs and initial states with a message naming the field', () => {
    const m = createModel(testConfig({ cell: 'rnn', inputSize: I, hiddenSize: H }), 'f64');
    const fb = { trace: false, truncate: 0 };
    const run = (ex: Example[]) => () => m.forwardBackward(ex, fb);
    const ok: Example = { input: [], inputVectors: wave(2, 0), target: [0, 1] };
    expect(run([ok])).not.toThrow();
    expect(run([{ ...ok, inputVectors: [[1, 2, 3], [1, 2, 3, 4]] }])).toThrow(/inputVectors\[0\] has 3 numbers, the model reads 4/);
    expect(run([{ ...ok, inputVectors: [[1, 2, NaN, 4], [0, 0, 0, 0]] }])).toThrow(/inputVectors\[0\]\[2\] = NaN/);
    expect(run([{ ...ok, input: [1, 2] }])).toThrow(/not both/);
    expect(run([ok, { input: [1, 2], target: [0, 1] }])).toThrow(/every example of a batch/);
    expect(run([{ ...ok, h0: [1, 2] }])).toThrow(/h0 needs 3 numbers/);
    expect(run([{ ...ok, c0: [1, 2, 3] }])).toThrow(/only an LSTM has a cell state/);
    expect(run([{ ...ok, target: [0] }])).toThrow(/as many targets as inputs \(2\)/);
    const o2m = createModel(testConfig({ shape: 'one-to-many', inputSize: I }), 'f64');
    expect(() => o2m.forwardBackward([{ input: [], inputVectors: wave(1, 0), target: [1] }], fb)).toThrow(/one-to-many builds its inputs from tokens/);
  });

  it('float32 dense inputs on the WebAssembly kernels give the float64 gradients', () => {
    const wasm = createWasmKernels();
    if (!wasm) return;
    const config = testConfig({ cell: 'lstm', inputSize: I, hiddenSize: H, bidirectional: true });
    const a = createModel(config, 'f32', wasm), b = createModel(config, 'f64');
    b.params().forEach((p, k) => p.value.set(a.params()[k].value));
    const ex = batchFor(config, true);
    const fb = { trace: false, truncate: 0 };
    expect(a.forwardBackward(ex, fb).loss).toBeCloseTo(b.forwardBackward(ex, fb).loss, 5);
    a.params().forEach((p, k) => p.grad.forEach((g, i) => expect(Math.abs(g - b.params()[k].grad[i])).toBeLessThan(1e-5)));
  });
});
