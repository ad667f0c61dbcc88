import { describe, expect, it } from 'vitest';
import { createModel } from './model';
import { createOptimizer } from './optimizer';
import { spectralRadiusOf } from './spectral';
import { RAGGED, testConfig } from './test-fixtures';
import type { Example } from './types';

const fb = { trace: false, truncate: 0 };

describe('createModel(config)', () => {
  it('names its parameters after the math and counts H·I + H·H + H + O·H + O for a vanilla RNN', () => {
    const m = createModel(testConfig());
    expect(m.params().map((p) => `${p.name}:${p.shape.join('x')}`)).toEqual([
      'l0.fwd.Wxh:4x5', 'l0.fwd.Whh:4x4', 'l0.fwd.bh:4', 'head.Why:3x4', 'head.by:3',
    ]);
    expect(m.paramCount).toBe(4 * 5 + 4 * 4 + 4 + 3 * 4 + 3);
  });
  it('stacks gate blocks: LSTM matrices have 4H rows, GRU 3H rows plus bhn, with forget bias 1', () => {
    const lstm = createModel(testConfig({ cell: 'lstm' }));
    expect(lstm.params().find((p) => p.name === 'l0.fwd.Wxh')!.shape).toEqual([16, 5]);
    expect(Array.from(lstm.params().find((p) => p.name === 'l0.fwd.bh')!.value)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    const gru = createModel(testConfig({ cell: 'gru' }));
    expect(gru.params().map((p) => p.name)).toContain('l0.fwd.bhn');
  });
  it('builds two directions and two layers: layer 1 reads [h→ ; h←] of width 2H', () => {
    const m = createModel(testConfig({ layers: 2, bidirectional: true }));
    const names = m.params().map((p) => `${p.name}:${p.shape.join('x')}`);
    expect(names).toContain('l1.bwd.Wxh:4x8');
    expect(names).toContain('head.Why:3x8');
  });
  it('gives the encoder-decoder a decoder with state H·dirs and input vocabulary O + 1 (BOS)', () => {
    const m = createModel(testConfig({ shape: 'encoder-decoder', bidirectional: true }));
    const names = m.params().map((p) => `${p.name}:${p.shape.join('x')}`);
    expect(names).toContain('dec.l0.fwd.Wxh:8x4');
    expect(names).toContain('dec.l0.fwd.Whh:8x8');
  });
  it('gives one-to-many an input vocabulary I + O + 1 (seed, previous output, BOS)', () => {
    const m = createModel(testConfig({ shape: 'one-to-many' }));
    expect(m.params()[0].shape).toEqual([4, 5 + 3 + 1]);
  });
  it('rejects examples that do not fit, naming the example and field', () => {
    const m = createModel(testConfig());
    expect(() => m.forwardBackward([{ input: [1, 9], target: [0, 0] }], fb)).toThrow(/example 0: input\[1\] = 9/);
    expect(() => m.forwardBackward([{ input: [1, 2], target: [0] }], fb)).toThrow(/many-to-many needs as many targets/);
    const o2m = createModel(testConfig({ shape: 'one-to-many' }));
    expect(() => o2m.forwardBackward([{ input: [1, 2], target: [0] }], fb)).toThrow(/exactly one input/);
  });
  it('is deterministic: same config and seed give bit-identical losses over 20 SGD steps', () => {
    const curve = (): number[] => {
      const m = createModel(testConfig({ cell: 'lstm', layers: 2, bidirectional: true, hiddenSize: 6 }));
      const opt = createOptimizer({ kind: 'sgd', learningRate: 0.1, momentum: 0.9, clipNorm: 1 }, m);
      const out: number[] = [];
      for (let i = 0; i < 20; i++) {
        out.push(m.forwardBackward(RAGGED, fb).loss);
        opt.step(m);
      }
      return out;
    };
    const a = curve(), b = curve();
    expect(a.every((x, i) => Object.is(x, b[i]))).toBe(true);
    expect(a[19]).toBeLessThan(a[0]);
  });
  it('averages the loss over target tokens, so padding changes nothing', () => {
    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      const m = createModel(testConfig({ cell, bidirectional: true }), 'f64');
      const together = m.forwardBackward(RAGGED, fb);
      let sum = 0, n = 0;
      for (const ex of RAGGED) {
        sum += m.forwardBackward([ex], fb).loss * ex.target.length;
        n += ex.target.length;
      }
      expect(together.total).toBe(9);
      expect(together.loss).toBeCloseTo(sum / n, 12);
    }
  });
  it('evaluate() scores without touching gradients and returns one output per target', () => {
    const m = createModel(testConfig());
    m.forwardBackward(RAGGED, fb);
    const before = m.params().map((p) => Array.from(p.grad));
    const r = m.evaluate(RAGGED);
    expect(m.params().map((p) => Array.from(p.grad))).toEqual(before);
    expect(r.outputs.map((o) => o.length)).toEqual([4, 2, 3]);
    expect(r.total).toBe(9);
    expect(r.loss).toBeCloseTo(m.forwardBackward(RAGGED, fb).loss, 5);
  });
  it('predict() of a padded example matches its outputs in a batch', () => {
    const m = createModel(testConfig({ cell: 'gru', bidirectional: true }));
    const r = m.evaluate(RAGGED);
    RAGGED.forEach((ex, i) => expect(m.predict(ex)).toEqual(r.outputs[i]));
  });
  it('float32 and float64 models with the same seed agree to float32 precision', () => {
    const a = createModel(testConfig({ cell: 'lstm' }), 'f32').forwardBackward(RAGGED, fb).loss;
    const b = createModel(testConfig({ cell: 'lstm' }), 'f64').forwardBackward(RAGGED, fb).loss;
    expect(Math.abs(a - b)).toBeLessThan(1e-5);
  });
  it("'spectral' init sets ρ(Whh) to the configured radius within 1%", () => {
    for (const rho of [0.5, 0.9, 1.5]) {
      const m = createModel(testConfig({ hiddenSize: 24, init: { kind: 'spectral', spectralRadius: rho } }));
      const W = m.params().find((p) => p.name === 'l0.fwd.Whh')!.value;
      expect(Math.abs(spectralRadiusOf(W, 24, 0, 14) / rho - 1)).toBeLessThan(0.01);
      expect(Math.abs(m.spectralRadius() / rho - 1)).toBeLessThan(0.02);
    }
  });
});

describe('forwardBackward(…, { trace: true })', () => {
  it('records, for example 0, ‖∂L/∂h_t‖, h_t, gates and Whh contributions per real step', () => {
    const m = createModel(testConfig({ cell: 'lstm' }));
    const { trace } = m.forwardBackward([RAGGED[1], RAGGED[0]], { trace: true, truncate: 0 });
    expect(trace!.dhNorms).toHaveLength(2);
    expect(trace!.hidden).toHaveLength(2);
    expect(trace!.hidden[0]).toHaveLength(4);
    expect(Object.keys(trace!.gates).sort()).toEqual(['f', 'g', 'i', 'o']);
    expect(trace!.gates.f[1]).toHaveLength(4);
    expect(trace!.whhContrib[0]).toBe(0); // h_0 = 0, so step 1 adds nothing to ∂L/∂Whh
    expect(trace!.whhContrib[1]).toBeGreaterThan(0);
  });
  it('shows the gradient reaching back from a many-to-one loss, and truncation cutting it at chunk borders', () => {
    const m = createModel(testConfig({ shape: 'many-to-one' }));
    const ex: Example[] = [{ input: [1, 2, 3, 4, 0, 1], target: [2] }];
    const full = m.forwardBackward(ex, { trace: true, truncate: 0 }).trace!;
    expect(full.dhNorms.every((x) => x > 0)).toBe(true);
    const cut = m.forwardBackward(ex, { trace: true, truncate: 2 }).trace!;
    expect(cut.dhNorms.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(cut.dhNorms[4]).toBeCloseTo(full.dhNorms[4], 6);
    expect(cut.dhNorms[5]).toBeCloseTo(full.dhNorms[5], 6);
  });
  it('records ∂L/∂h_t per unit, [T][H], whose row norms are ‖∂L/∂h_t‖ (top layer, forward direction)', () => {
    const toOne: Example[] = [{ input: [1, 2, 3, 4, 0, 1], target: [2] }];
    const cases: [ReturnType<typeof testConfig>, Example[]][] = [
      [testConfig({ cell: 'lstm' }), RAGGED],
      [testConfig({ cell: 'gru', layers: 2, bidirectional: true }), RAGGED],
      [testConfig({ shape: 'many-to-one' }), toOne],
      [testConfig({ shape: 'encoder-decoder', bidirectional: true }), RAGGED],
    ];
    for (const [config, examples] of cases) {
      const trace = createModel(config).forwardBackward(examples, { trace: true, truncate: 0 }).trace!;
      const dh = trace.dh!;
      expect(dh).toHaveLength(trace.dhNorms.length);
      dh.forEach((row, t) => {
        expect(row).toHaveLength(config.hiddenSize);
        expect(Math.hypot(...row)).toBeCloseTo(trace.dhNorms[t], 12);
      });
      expect(dh.flat().some((x) => x !== 0)).toBe(true);
    }
  });
  it('reports GRU gates r, z, n and none for a vanilla RNN', () => {
    const g = createModel(testConfig({ cell: 'gru' })).forwardBackward(RAGGED, { trace: true, truncate: 0 }).trace!;
    expect(Object.keys(g.gates).sort()).toEqual(['n', 'r', 'z']);
    const r = createModel(testConfig()).forwardBackward(RAGGED, { trace: true, truncate: 0 }).trace!;
    expect(r.gates).toEqual({});
  });
});
