import { describe, expect, it } from 'vitest';
import { jsKernels } from './kernels';
import { createModel } from './model';
import { exportParams } from './params-io';
import { RAGGED, testConfig } from './test-fixtures';
import type { Example, StepTrace } from './types';
import { createWasmKernels } from './wasm-kernels';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * A one-layer LSTM run by hand on a one-hot token sequence, with the model's own parameters:
 * z = Wxh·x_t + Whh·h_{t-1} + bh split into blocks i, f, g, o; c_t = f ⊙ c_{t-1} + i ⊙ g; h_t = o ⊙ tanh(c_t).
 */
function lstmByHand(params: Record<string, number[]>, input: readonly number[], I: number, H: number) {
  const Wxh = params['l0.fwd.Wxh'], Whh = params['l0.fwd.Whh'], bh = params['l0.fwd.bh'];
  let h = new Array<number>(H).fill(0);
  let c = new Array<number>(H).fill(0);
  const out = { hidden: [] as number[][], cells: [] as number[][], i: [] as number[][], f: [] as number[][], g: [] as number[][], o: [] as number[][] };
  for (const x of input) {
    const z = Array.from({ length: 4 * H }, (_, r) => {
      let s = bh[r] + Wxh[r * I + x];
      for (let k = 0; k < H; k++) s += Whh[r * H + k] * h[k];
      return s;
    });
    const i = z.slice(0, H).map(sigmoid);
    const f = z.slice(H, 2 * H).map(sigmoid);
    const g = z.slice(2 * H, 3 * H).map(Math.tanh);
    const o = z.slice(3 * H).map(sigmoid);
    c = c.map((cPrev, j) => f[j] * cPrev + i[j] * g[j]);
    h = c.map((cj, j) => o[j] * Math.tanh(cj));
    out.hidden.push(h);
    out.cells.push(c);
    out.i.push(i);
    out.f.push(f);
    out.g.push(g);
    out.o.push(o);
  }
  return out;
}

/** The two LSTM identities, checked on the traced numbers alone for every step and unit. */
function expectLstmIdentities(trace: StepTrace, digits: number): void {
  const cells = trace.cells!;
  const { i, f, g, o } = trace.gates;
  expect(cells).toHaveLength(trace.hidden.length);
  cells.forEach((row, t) => {
    expect(row).toHaveLength(trace.hidden[t].length);
    row.forEach((c, j) => {
      const cPrev = t === 0 ? 0 : cells[t - 1][j];
      expect(c).toBeCloseTo(f[t][j] * cPrev + i[t][j] * g[t][j], digits);
      expect(trace.hidden[t][j]).toBeCloseTo(o[t][j] * Math.tanh(c), digits);
    });
  });
}

describe('StepTrace.cells (LSTM cell state c_t)', () => {
  it('matches an LSTM recomputed by hand from the parameters, for example 0 and its real steps only', () => {
    const config = testConfig({ cell: 'lstm', hiddenSize: 3 });
    const m = createModel(config, 'f64', jsKernels);
    // Example 0 has 2 steps, padded to the batch's 4: the trace must stop at 2.
    const batch: Example[] = [RAGGED[1], RAGGED[0]];
    const trace = m.forwardBackward(batch, { trace: true, truncate: 0 }).trace!;
    const want = lstmByHand(exportParams(m), batch[0].input, config.inputSize, config.hiddenSize);
    expect(trace.cells).toHaveLength(2);
    for (const [got, exp] of [
      [trace.cells!, want.cells], [trace.hidden, want.hidden],
      [trace.gates.i, want.i], [trace.gates.f, want.f], [trace.gates.g, want.g], [trace.gates.o, want.o],
    ] as const) {
      got.forEach((row, t) => row.forEach((x, j) => expect(x).toBeCloseTo(exp[t][j], 12)));
    }
    expectLstmIdentities(trace, 12);
    expect(trace.cells!.flat().some((c) => Math.abs(c) > 1e-3)).toBe(true);
  });

  it('holds h_t = o ⊙ tanh(c_t) and c_t = f ⊙ c_{t-1} + i ⊙ g for the top layer of a deep, bidirectional LSTM', () => {
    const trace = createModel(testConfig({ cell: 'lstm', layers: 2, bidirectional: true }), 'f64', jsKernels)
      .forwardBackward(RAGGED, { trace: true, truncate: 0 }).trace!;
    expect(trace.cells).toHaveLength(RAGGED[0].input.length);
    expectLstmIdentities(trace, 12);
  });

  it('reads c_t from the same slots on the WebAssembly kernels (float32)', () => {
    const wasm = createWasmKernels();
    if (!wasm) return;
    const trace = createModel(testConfig({ cell: 'lstm', hiddenSize: 13 }), 'f32', wasm)
      .forwardBackward(RAGGED, { trace: true, truncate: 0 }).trace!;
    expect(trace.cells).toHaveLength(RAGGED[0].input.length);
    expectLstmIdentities(trace, 5);
  });

  it('is absent for a vanilla RNN and a GRU, which have no cell state', () => {
    for (const cell of ['rnn', 'gru'] as const) {
      const trace = createModel(testConfig({ cell })).forwardBackward(RAGGED, { trace: true, truncate: 0 }).trace!;
      expect(trace.cells).toBeUndefined();
      expect('cells' in trace).toBe(false);
    }
  });
});

/**
 * One direction of a one-layer tanh RNN run by hand on a one-hot token sequence, with the parameters under
 * `prefix`: h_t = tanh(Wxh·x_t + Whh·h_prev + bh), where h_prev is h_{t-1} (fwd) or h_{t+1} (bwd, run t = T … 1).
 * Returns the states indexed by time step t−1 in both cases.
 */
function rnnByHand(params: Record<string, number[]>, prefix: string, input: readonly number[], I: number, H: number, reverse: boolean) {
  const Wxh = params[`${prefix}.Wxh`], Whh = params[`${prefix}.Whh`], bh = params[`${prefix}.bh`];
  const out: number[][] = new Array<number[]>(input.length);
  let h = new Array<number>(H).fill(0);
  for (let k = 0; k < input.length; k++) {
    const t = reverse ? input.length - 1 - k : k;
    h = Array.from({ length: H }, (_, r) => {
      let s = bh[r] + Wxh[r * I + input[t]];
      for (let j = 0; j < H; j++) s += Whh[r * H + j] * h[j];
      return Math.tanh(s);
    });
    out[t] = h;
  }
  return out;
}

describe('StepTrace.hiddenBackward (bidirectional h←_t)', () => {
  it('matches h←_t = tanh(Wxh·x_t + Whh·h←_{t+1} + bh) from the backward chain, for example 0 and its real steps only', () => {
    const config = testConfig({ bidirectional: true, hiddenSize: 3 });
    const m = createModel(config, 'f64', jsKernels);
    // Example 0 has 2 steps, padded to the batch's 4: h←_2 must start from zero, not from the padding.
    const batch: Example[] = [RAGGED[1], RAGGED[0]];
    const trace = m.forwardBackward(batch, { trace: true, truncate: 0 }).trace!;
    const params = exportParams(m);
    expect(Object.keys(params)).toContain('l0.bwd.Whh');
    const { input } = batch[0];
    const wantBwd = rnnByHand(params, 'l0.bwd', input, config.inputSize, config.hiddenSize, true);
    const wantFwd = rnnByHand(params, 'l0.fwd', input, config.inputSize, config.hiddenSize, false);
    expect(trace.hiddenBackward).toHaveLength(2);
    trace.hiddenBackward!.forEach((row, t) => {
      expect(row).toHaveLength(config.hiddenSize);
      row.forEach((x, j) => expect(x).toBeCloseTo(wantBwd[t][j], 12));
    });
    trace.hidden.forEach((row, t) => row.forEach((x, j) => expect(x).toBeCloseTo(wantFwd[t][j], 12)));
    // The two directions really differ (not the forward chain read twice).
    expect(trace.hiddenBackward!.flat().some((x, k) => Math.abs(x - trace.hidden.flat()[k]) > 1e-3)).toBe(true);
  });

  it('reads h←_t from the same slots on the WebAssembly kernels (float32)', () => {
    const wasm = createWasmKernels();
    if (!wasm) return;
    const config = testConfig({ bidirectional: true, hiddenSize: 13 });
    const m = createModel(config, 'f32', wasm);
    const trace = m.forwardBackward(RAGGED, { trace: true, truncate: 0 }).trace!;
    const want = rnnByHand(exportParams(m), 'l0.bwd', RAGGED[0].input, config.inputSize, config.hiddenSize, true);
    expect(trace.hiddenBackward).toHaveLength(RAGGED[0].input.length);
    trace.hiddenBackward!.forEach((row, t) => row.forEach((x, j) => expect(x).toBeCloseTo(want[t][j], 5)));
  });

  it('comes from the top layer of a deep bidirectional stack, shaped like hidden', () => {
    const trace = createModel(testConfig({ cell: 'gru', layers: 2, bidirectional: true }), 'f64', jsKernels)
      .forwardBackward(RAGGED, { trace: true, truncate: 0 }).trace!;
    expect(trace.hiddenBackward).toHaveLength(trace.hidden.length);
    trace.hiddenBackward!.forEach((row, t) => expect(row).toHaveLength(trace.hidden[t].length));
    expect(trace.hiddenBackward!.flat().every(Number.isFinite)).toBe(true);
  });

  it('is absent for unidirectional models', () => {
    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      const trace = createModel(testConfig({ cell })).forwardBackward(RAGGED, { trace: true, truncate: 0 }).trace!;
      expect(trace.hiddenBackward).toBeUndefined();
      expect('hiddenBackward' in trace).toBe(false);
    }
  });
});
