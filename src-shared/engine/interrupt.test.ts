import { describe, expect, it } from 'vitest';
import { gradCheck } from './gradcheck';
import { StepInterrupted } from './interrupt';
import { createModel } from './model';
import { createOptimizer } from './optimizer';
import { RAGGED, testConfig } from './test-fixtures';
import type { CellKind, ProblemShape } from './types';

const opts = { trace: false, truncate: 0 };

/** An interrupt check that answers true on its n-th question (1-based), counting every question. */
function after(n: number) {
  const state = { asked: 0 };
  return { state, check: () => ++state.asked >= n };
}

describe('interrupting a pass (engine/interrupt.ts)', () => {
  const cases: [CellKind, ProblemShape, boolean][] = [
    ['rnn', 'many-to-many', false],
    ['lstm', 'many-to-one', true],
    ['gru', 'many-to-many', true],
  ];
  for (const [cell, shape, bidirectional] of cases) {
    it(`${cell} ${shape}${bidirectional ? ' bidirectional' : ''}: asks once per time step, and an abandoned step changes nothing`, () => {
      const config = testConfig({ cell, shape, bidirectional, layers: 2 });
      const batch = shape === 'many-to-one' ? RAGGED.map((ex) => ({ input: ex.input, target: [ex.target[0]] })) : RAGGED;
      const a = createModel(config);
      const b = createModel(config);
      const optA = createOptimizer({ kind: 'adam', learningRate: 0.05, momentum: 0, clipNorm: 1 }, a);
      const optB = createOptimizer({ kind: 'adam', learningRate: 0.05, momentum: 0, clipNorm: 1 }, b);

      // How many questions one full pass asks: every chain, forward and backward, once per step (T = 4), plus once
      // per block of the all-steps products (one block at this size): ∂Whh in every chain, and the projection and
      // ∂Wxh of the second layer, whose input is dense.
      const never = { asked: 0 };
      a.forwardBackward(batch, { ...opts, interrupt: () => (never.asked++, false) });
      const dirs = bidirectional ? 2 : 1;
      const chains = 2 * dirs;
      expect(never.asked).toBe(chains * 4 * 2 + chains + dirs * 2);

      // b is interrupted halfway through its backward pass, then trains normally: it must match a step for step.
      const cut = after(chains * 4 + 3);
      expect(() => b.forwardBackward(batch, { ...opts, interrupt: cut.check })).toThrow(StepInterrupted);
      expect(cut.state.asked).toBe(chains * 4 + 3);
      const la = a.forwardBackward(batch, opts).loss;
      const lb = b.forwardBackward(batch, opts).loss;
      expect(lb).toBe(la);
      optA.step(a);
      optB.step(b);
      expect(b.params().map((p) => Array.from(p.value))).toEqual(a.params().map((p) => Array.from(p.value)));
      // And the check is cleared afterwards: a pass without one is not interrupted.
      expect(() => b.forwardBackward(batch, opts)).not.toThrow();
    });
  }

  it('interrupts evaluation, greedy decoding included, and leaves the model usable', () => {
    const model = createModel(testConfig({ cell: 'gru', shape: 'encoder-decoder' }));
    const examples = [{ input: [1, 2, 3], target: [0, 1, 2] }];
    const baseline = model.evaluate(examples);
    expect(() => model.evaluate(examples, () => true)).toThrow(StepInterrupted);
    const decoder = after(5); // past the encoder's three steps, inside greedy decoding
    expect(() => model.evaluate(examples, decoder.check)).toThrow(StepInterrupted);
    expect(model.evaluate(examples)).toEqual(baseline);
  });

  it('keeps exact gradients when the all-steps products of a big model run in several blocks', () => {
    // H = 256, batch 16, 8 steps, 2 layers: the upper layer's products split into blocks of 7 steps (about 29M
    // multiply-adds each, under ROW_BLOCK_MACS), so two blocks each.
    const config = testConfig({ cell: 'lstm', hiddenSize: 256, layers: 2, inputSize: 7, outputSize: 3 });
    const model = createModel(config, 'f64');
    const examples = Array.from({ length: 16 }, (_, b) => ({
      input: Array.from({ length: 8 }, (_, t) => (t * 3 + b) % 7),
      target: Array.from({ length: 8 }, (_, t) => (t + b) % 3),
    }));
    let asked = 0;
    model.forwardBackward(examples, { ...opts, interrupt: () => (asked++, false) });
    expect(asked, 'more than one block per product').toBeGreaterThan(2 * 8 * 2 + 2 + 2);
    const r = gradCheck(model, examples, { perParam: 2 });
    expect(r.maxRelError, JSON.stringify(r.worst)).toBeLessThan(1e-5);
  });
});
