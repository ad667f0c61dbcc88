/**
 * Connectivity on a trained model: an LSTM that has learned the sentiment rule ("the clause after 'but'
 * decides") must draw its verdict from the words at or after the "but", not from the opening clause.
 */
import { describe, expect, it } from 'vitest';
import { makeTask } from '../tasks/index';
import { createRng } from '../tasks/random';
import { createModel } from './model';
import { createOptimizer } from './optimizer';
import type { Example } from './types';

describe('connectivity of a trained sentiment LSTM', () => {
  it('puts its peak, and most of its weight, at or after the "but" of a review with a contrary opening clause', () => {
    const data = makeTask('sentiment', {}, 42);
    const model = createModel({
      cell: 'lstm', activation: 'tanh', inputSize: data.inputVocab.length, hiddenSize: 24,
      outputSize: data.outputVocab.length, layers: 1, bidirectional: false, shape: 'many-to-one',
      loss: 'softmax-ce', init: { kind: 'xavier', spectralRadius: 1 }, seed: 42,
    });
    const optimizer = createOptimizer({ kind: 'adam', learningRate: 0.01, momentum: 0.9, clipNorm: 5 }, model);
    const rng = createRng(42);
    let accuracy = 0;
    for (let step = 1; step <= 800; step++) {
      const batch: Example[] = Array.from({ length: 16 }, () => rng.pick(data.train));
      model.forwardBackward(batch, { trace: false, truncate: 0 });
      optimizer.step(model);
      if (step % 50 === 0) {
        const t = model.evaluate(data.test);
        accuracy = t.correct / t.total;
      }
    }
    expect(accuracy).toBeGreaterThanOrEqual(data.spec.targetAccuracy);

    const but = data.inputVocab.indexOf('but');
    const withBut = data.test.filter((ex) => ex.input.includes(but));
    expect(withBut.length).toBeGreaterThan(20);
    let peakLate = 0;
    let mostlyLate = 0;
    for (const ex of withBut) {
      const row = model.connectivity(ex).matrix[0];
      const at = ex.input.indexOf(but);
      if (row.indexOf(Math.max(...row)) >= at) peakLate++;
      const before = row.slice(0, at).reduce((a, b) => a + b, 0);
      const after = row.slice(at).reduce((a, b) => a + b, 0);
      if (after > before) mostlyLate++;
    }
    console.info(`sentiment LSTM (${(accuracy * 100).toFixed(1)}%), ${withBut.length} reviews with "but": peak at or after it in ${peakLate}, most weight at or after it in ${mostlyLate}`);
    expect(peakLate / withBut.length).toBeGreaterThanOrEqual(0.9);
    expect(mostlyLate / withBut.length).toBeGreaterThanOrEqual(0.9);
  }, 30_000);
});
