/** The benchmark's subject: the same training step on RNN Lab's own engine (float32, one thread). */
import { createModel, createOptimizer } from '../../src-shared/engine/index';
import type { Example } from '../../src-shared/engine/types';
import type { BenchCase, StepRunner } from './cases';
import { tokens } from './tfjs-peer';

export function createEngineRunner(c: BenchCase): StepRunner {
  const model = createModel({
    cell: c.cell,
    activation: 'tanh',
    inputSize: c.I,
    hiddenSize: c.H,
    outputSize: c.O,
    layers: 1,
    bidirectional: false,
    shape: 'many-to-many',
    loss: 'softmax-ce',
    init: { kind: 'xavier', spectralRadius: 1 },
    seed: 1,
  });
  const optimizer = createOptimizer({ kind: 'sgd', learningRate: 0.01, momentum: 0, clipNorm: 0 }, model);
  const inputs = Array.from({ length: c.T }, (_, t) => tokens(c.B, c.I, t));
  const targets = Array.from({ length: c.T }, (_, t) => tokens(c.B, c.O, t + 7));
  const batch: Example[] = Array.from({ length: c.B }, (_, i) => ({
    input: inputs.map((row) => row[i]),
    target: targets.map((row) => row[i]),
  }));
  return {
    step() {
      model.forwardBackward(batch, { trace: false, truncate: 0 });
      optimizer.step(model);
    },
    dispose() {},
  };
}
