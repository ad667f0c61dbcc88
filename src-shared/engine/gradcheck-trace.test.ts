import { describe, expect, it } from 'vitest';
import type { TracedChain } from './api';
import { createModel } from './model';
import { testConfig } from './test-fixtures';
import type { ChainStepTrace, Example, ModelConfig, StepTrace } from './types';

const EPS = 1e-5;

/** Example 0 is the longest, so its trace covers every step of the batch. */
const BATCH: Example[] = [
  { input: [1, 4, 2, 0], target: [0, 2, 1, 0] },
  { input: [3, 0], target: [1, 1] },
  { input: [2, 2, 1], target: [2, 0, 1] },
];
const ENC_DEC: Example[] = [
  { input: [1, 4, 2, 0], target: [0, 2, 1] },
  { input: [3, 0], target: [1] },
];

function chainOf(trace: StepTrace, name: TracedChain): ChainStepTrace | undefined {
  return name === 'top' ? trace : trace.chains?.[name];
}

/**
 * For every chain the trace names and a spread of (t, unit): the traced ∂L/∂h_t (and ∂L/∂c_t) against the
 * central difference of the loss when that state of example 0 is nudged by ±ε during the forward pass.
 */
function checkTrace(over: Partial<ModelConfig>, examples: Example[], expected: TracedChain[]): void {
  const config = testConfig({ inputSize: 5, hiddenSize: 3, ...over });
  const m = createModel(config, 'f64');
  for (const p of m.params()) if (p.shape.length === 1) for (let i = 0; i < p.value.length; i++) p.value[i] += 0.1 * Math.sin(i + 1);
  const trace = m.forwardBackward(examples, { trace: true, traceChains: true, truncate: 0 }).trace!;
  const names: TracedChain[] = ['top', 'backward', 'lower', 'lowerBackward', 'decoder'];
  expect(names.filter((n) => chainOf(trace, n))).toEqual(expected);
  const loss = (chain: TracedChain, t: number, unit: number, dh: number, dc: number): number =>
    m.forwardBackward(examples, { trace: false, truncate: 0, perturb: { chain, t, unit, dh, dc } }).loss;
  let checked = 0;
  for (const name of expected) {
    const c = chainOf(trace, name)!;
    expect(c.dh).toHaveLength(c.hidden.length);
    if (config.cell === 'lstm') expect(c.dc).toHaveLength(c.hidden.length);
    else expect(c.dc).toBeUndefined();
    for (let t = 1; t <= c.hidden.length; t++) {
      for (let unit = 0; unit < config.hiddenSize; unit++) {
        const dh = (loss(name, t, unit, EPS, 0) - loss(name, t, unit, -EPS, 0)) / (2 * EPS);
        expect(c.dh![t - 1][unit], `${name} dh t=${t} unit=${unit}`).toBeCloseTo(dh, 8);
        if (c.dc) {
          const dc = (loss(name, t, unit, 0, EPS) - loss(name, t, unit, 0, -EPS)) / (2 * EPS);
          expect(c.dc[t - 1][unit], `${name} dc t=${t} unit=${unit}`).toBeCloseTo(dc, 8);
        }
        checked++;
      }
      expect(c.dhNorms[t - 1]).toBeCloseTo(Math.hypot(...c.dh![t - 1]), 12);
    }
  }
  expect(checked).toBeGreaterThan(0);
}

describe('every traced chain\'s ∂L/∂h_t and ∂L/∂c_t match finite differences (float64, ε = 1e-5)', () => {
  it('lstm, two layers, bidirectional, many-to-many: all four chains, dh and dc', () =>
    checkTrace({ cell: 'lstm', layers: 2, bidirectional: true }, BATCH, ['top', 'backward', 'lower', 'lowerBackward']));
  it('gru, two layers, many-to-many: the top and the lower layer', () => checkTrace({ cell: 'gru', layers: 2 }, BATCH, ['top', 'lower']));
  it('rnn, bidirectional, many-to-one: both directions of the top layer', () =>
    checkTrace({ cell: 'rnn', bidirectional: true, shape: 'many-to-one' }, BATCH.map((e, k) => ({ input: e.input, target: [k % 3] })), ['top', 'backward']));
  it('lstm encoder-decoder, bidirectional: the encoder\'s two chains and the decoder, dc included', () =>
    checkTrace({ cell: 'lstm', bidirectional: true, shape: 'encoder-decoder' }, ENC_DEC, ['top', 'backward', 'decoder']));
  it('gru encoder-decoder, two layers: the decoder\'s ∂L/∂h_t per output step', () =>
    checkTrace({ cell: 'gru', layers: 2, shape: 'encoder-decoder' }, ENC_DEC, ['top', 'lower', 'decoder']));

  it('records only the top chain unless every chain is asked for', () => {
    const m = createModel(testConfig({ cell: 'lstm', layers: 2, bidirectional: true }), 'f64');
    const trace = m.forwardBackward(BATCH, { trace: true, truncate: 0 }).trace!;
    expect(trace.chains).toBeUndefined();
    expect(trace.dc).toHaveLength(4);
    expect(trace.hiddenBackward).toHaveLength(4);
  });

  it('a perturbation names a chain the model has, or is refused clearly', () => {
    const m = createModel(testConfig({ cell: 'gru' }), 'f64');
    const run = (chain: TracedChain, dc = 0) => () => m.forwardBackward(BATCH, { trace: false, truncate: 0, perturb: { chain, t: 1, unit: 0, dh: 0, dc } });
    expect(run('lower')).toThrow(/no lower chain/);
    expect(run('top', 1e-3)).toThrow(/cell state/);
    expect(run('top')).not.toThrow();
  });
});
