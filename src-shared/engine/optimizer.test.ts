import { describe, expect, it } from 'vitest';
import { createModel } from './model';
import { clipGradients, createOptimizer, globalGradNorm } from './optimizer';
import { RAGGED, testConfig } from './test-fixtures';
import type { Model } from './api';

const fb = { trace: false, truncate: 0 };

function snapshot(m: ReturnType<typeof createModel>): { w: number[]; g: number[] } {
  return { w: m.params().flatMap((p) => Array.from(p.value)), g: m.params().flatMap((p) => Array.from(p.grad)) };
}

describe('createOptimizer(config, model)', () => {
  it('plain SGD moves every parameter by −lr·g', () => {
    const m = createModel(testConfig(), 'f64');
    m.forwardBackward(RAGGED, fb);
    const { w, g } = snapshot(m);
    createOptimizer({ kind: 'sgd', learningRate: 0.1, momentum: 0, clipNorm: 0 }, m).step(m);
    const after = snapshot(m).w;
    after.forEach((x, i) => expect(x).toBeCloseTo(w[i] - 0.1 * g[i], 12));
  });
  it('SGD with momentum μ accumulates a velocity v ← μv + g', () => {
    const m = createModel(testConfig(), 'f64');
    const opt = createOptimizer({ kind: 'sgd', learningRate: 0.1, momentum: 0.5, clipNorm: 0 }, m);
    m.forwardBackward(RAGGED, fb);
    const g1 = snapshot(m).g;
    opt.step(m);
    const w1 = snapshot(m).w;
    m.forwardBackward(RAGGED, fb);
    const g2 = snapshot(m).g;
    opt.step(m);
    snapshot(m).w.forEach((x, i) => expect(x).toBeCloseTo(w1[i] - 0.1 * (0.5 * g1[i] + g2[i]), 12));
  });
  it("Adam's first step moves each parameter by about lr·sign(g)", () => {
    const m = createModel(testConfig(), 'f64');
    m.forwardBackward(RAGGED, fb);
    const { w, g } = snapshot(m);
    createOptimizer({ kind: 'adam', learningRate: 0.01, momentum: 0, clipNorm: 0 }, m).step(m);
    snapshot(m).w.forEach((x, i) => {
      if (Math.abs(g[i]) > 1e-6) expect(x - w[i]).toBeCloseTo(-0.01 * Math.sign(g[i]), 4);
    });
  });
  it('clips by global norm and reports the norms before and after', () => {
    const m = createModel(testConfig(), 'f64');
    m.forwardBackward(RAGGED, fb);
    const norm = globalGradNorm(m.params());
    const r = clipGradients(m.params(), norm / 2);
    expect(r).toEqual({ gradNormBefore: norm, gradNormAfter: norm / 2, clipped: true });
    expect(globalGradNorm(m.params())).toBeCloseTo(norm / 2, 12);
    const r2 = createOptimizer({ kind: 'sgd', learningRate: 0.1, momentum: 0, clipNorm: 1e9 }, m).step(m);
    expect(r2.clipped).toBe(false);
  });
  it('exports and imports its state so a restored run continues identically', () => {
    const cfg = { kind: 'adam', learningRate: 0.01, momentum: 0, clipNorm: 1 } as const;
    const a = createModel(testConfig()), b = createModel(testConfig());
    const oa = createOptimizer(cfg, a), ob = createOptimizer(cfg, b);
    for (let i = 0; i < 3; i++) {
      a.forwardBackward(RAGGED, fb);
      oa.step(a);
    }
    a.params().forEach((p, i) => b.params()[i].value.set(p.value));
    ob.importState(JSON.parse(JSON.stringify(oa.exportState())));
    a.forwardBackward(RAGGED, fb);
    oa.step(a);
    b.forwardBackward(RAGGED, fb);
    ob.step(b);
    expect(snapshot(b).w).toEqual(snapshot(a).w);
  });
  it('rejects a state with a missing or mis-sized entry, naming it', () => {
    const m = createModel(testConfig());
    const opt = createOptimizer({ kind: 'adam', learningRate: 0.01, momentum: 0, clipNorm: 0 }, m);
    const state = opt.exportState();
    expect(() => opt.importState({ ...state, 'head.by.m': [1] })).toThrow(/"head.by.m" has 1 values, expected 3/);
    const { ['l0.fwd.Whh.s']: _, ...missing } = state;
    expect(() => opt.importState(missing)).toThrow(/missing "l0.fwd.Whh.s"/);
  });
  for (const cfg of [
    { kind: 'sgd', learningRate: 0.1, momentum: 0.9, clipNorm: 0.05 },
    { kind: 'adam', learningRate: 0.01, momentum: 0, clipNorm: 0.05 },
    { kind: 'adam', learningRate: 0.01, momentum: 0, clipNorm: 0 },
  ] as const) {
    it(`${cfg.kind}${cfg.clipNorm ? ' with clipping' : ''}: its one-call passes over a wasm model's flat buffers give the loops' numbers to the last bit`, () => {
      const m = createModel(testConfig({ cell: 'lstm', hiddenSize: 6 }));
      expect(m.flat?.kernels.optimizer).toBeDefined();
      // the same parameters as plain arrays, with no flat buffers: the optimizer's own loops
      const copies = m.params().map((p) => ({ name: p.name, shape: p.shape, value: Float32Array.from(p.value), grad: new Float32Array(p.grad.length) }));
      const plain = { params: () => copies } as unknown as Model;
      const fast = createOptimizer(cfg, m), loops = createOptimizer(cfg, plain);
      for (let step = 0; step < 4; step++) {
        m.forwardBackward(RAGGED, fb);
        m.params().forEach((p, i) => copies[i].grad.set(p.grad));
        const a = fast.step(m), b = loops.step(plain);
        expect(a).toEqual(b);
        m.params().forEach((p, i) => expect(Array.from(p.value)).toEqual(Array.from(copies[i].value)));
      }
      expect(fast.exportState()).toEqual(loops.exportState());
    });
  }
});
