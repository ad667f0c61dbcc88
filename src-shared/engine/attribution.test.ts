import { describe, expect, it } from 'vitest';
import { createModel } from './model';
import { createEngineRng } from './rng';
import { testConfig } from './test-fixtures';
import type { CellKind, Example, ModelConfig } from './types';

/** A scalar-input (I = 1) example, so x_s is a number a finite difference can nudge. */
function scalarExample(T: number, seed: number, shape: ModelConfig['shape']): Example {
  const rng = createEngineRng(seed);
  const input = Array.from({ length: T }, () => rng.normal());
  const target = shape === 'many-to-one' ? [1] : shape === 'encoder-decoder' ? [2, 0, 1] : input.map((_, i) => i % 3);
  return { input, target };
}

/** ∂y_{t,ĉ}/∂x_s by central differences (I = 1, so x_s and the derivative are numbers). */
function numericRow(config: ModelConfig, ex: Example, row: number, eps: number): number[] {
  const model = createModel(config, 'f64');
  const base = model.connectivity(ex);
  return ex.input.map((_, s) => {
    const at = (d: number): number => {
      const input = ex.input.map((v, k) => (k === s ? v + d : v));
      const c = model.connectivity({ input, target: ex.target });
      expect(c.predicted[row]).toBe(base.predicted[row]);
      return c.scores[row];
    };
    return (at(eps) - at(-eps)) / (2 * eps);
  });
}

function relError(a: number, n: number): number {
  return Math.abs(a - n) / Math.max(Math.abs(a) + Math.abs(n), 1e-8);
}

describe('connectivity |⟨∂y_{t,ĉ}/∂x_s, x_s⟩| and ‖∂y_{t,ĉ}/∂x_s‖', () => {
  const cells: CellKind[] = ['rnn', 'lstm', 'gru'];
  const cases: { shape: ModelConfig['shape']; layers: 1 | 2; bidirectional: boolean }[] = [
    { shape: 'many-to-one', layers: 1, bidirectional: false },
    { shape: 'many-to-one', layers: 2, bidirectional: false },
    { shape: 'many-to-many', layers: 1, bidirectional: false },
    { shape: 'many-to-many', layers: 2, bidirectional: true },
    { shape: 'encoder-decoder', layers: 2, bidirectional: false },
  ];
  for (const cell of cells) {
    for (const c of cases) {
      it(`matches central finite differences in float64: ${cell}, ${c.shape}, ${c.layers} layer(s)${c.bidirectional ? ', bidirectional' : ''}`, () => {
        const config = testConfig({ cell, inputSize: 1, hiddenSize: 5, outputSize: 3, seed: 11, ...c });
        const ex = scalarExample(5, 3, c.shape);
        const exact = createModel(config, 'f64').connectivity(ex);
        const rows = exact.matrix.length;
        expect(rows).toBe(c.shape === 'many-to-one' ? 1 : c.shape === 'encoder-decoder' ? 3 : 5);
        let worst = 0;
        for (let r = 0; r < rows; r++) {
          const numeric = numericRow(config, ex, r, 1e-5);
          for (let s = 0; s < numeric.length; s++) {
            worst = Math.max(worst, relError(exact.sensitivity[r][s], Math.abs(numeric[s])));
            worst = Math.max(worst, relError(exact.matrix[r][s], Math.abs(numeric[s] * ex.input[s])));
          }
        }
        expect(worst).toBeLessThan(1e-5);
      });
    }
  }

  it('is exactly zero above the diagonal for a left-to-right many-to-many model, and positive on and below it', () => {
    const model = createModel(testConfig({ cell: 'lstm', shape: 'many-to-many' }), 'f64');
    const { matrix, outputSteps } = model.connectivity({ input: [1, 4, 2, 0, 3], target: [0, 2, 1, 0, 1] });
    expect(outputSteps).toEqual([1, 2, 3, 4, 5]);
    for (let t = 0; t < 5; t++) {
      for (let s = 0; s < 5; s++) {
        if (s > t) expect(matrix[t][s]).toBe(0);
        else expect(matrix[t][s]).toBeGreaterThan(0);
      }
    }
  });

  it('leaves every gradient at zero, so a training step that follows is not disturbed', () => {
    const model = createModel(testConfig({ shape: 'many-to-one' }), 'f64');
    model.connectivity({ input: [1, 2, 3], target: [1] });
    for (const p of model.params()) expect(p.grad.every((g) => g === 0)).toBe(true);
  });

  it('refuses one-to-many with a clear error', () => {
    const model = createModel(testConfig({ shape: 'one-to-many' }), 'f64');
    expect(() => model.connectivity({ input: [1], target: [1, 2] })).toThrow(/one-to-many reads a single input/);
  });

  it('costs one backward pass per output step: T = 50, H = 128 (the figure in attribution.ts)', () => {
    const rng = createEngineRng(5);
    const input = Array.from({ length: 50 }, () => Math.floor(rng.uniform() * 20));
    const ex = { input, target: input.map((v) => v % 4) };
    const times: Record<string, number> = {};
    for (const cell of ['rnn', 'lstm'] as const) {
      const model = createModel(testConfig({ cell, inputSize: 20, hiddenSize: 128, outputSize: 4, shape: 'many-to-many' }));
      model.connectivity(ex);
      const t0 = performance.now();
      const runs = 3;
      for (let i = 0; i < runs; i++) model.connectivity(ex);
      times[cell] = (performance.now() - t0) / runs;
    }
    console.log(`connectivity T=50 H=128 many-to-many: rnn ${times.rnn.toFixed(1)} ms, lstm ${times.lstm.toFixed(1)} ms per matrix`);
    expect(times.lstm).toBeLessThan(5000);
  });
});
