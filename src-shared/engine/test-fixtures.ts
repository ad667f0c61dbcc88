/** Small configurations and batches shared by the engine's tests. */
import type { Example, ModelConfig } from './types';

export function testConfig(over: Partial<ModelConfig> = {}): ModelConfig {
  return {
    cell: 'rnn',
    activation: 'tanh',
    inputSize: 5,
    hiddenSize: 4,
    outputSize: 3,
    layers: 1,
    bidirectional: false,
    shape: 'many-to-many',
    loss: 'softmax-ce',
    init: { kind: 'xavier', spectralRadius: 1 },
    seed: 7,
    ...over,
  };
}

/** A batch of many-to-many examples of lengths 4, 2 and 3. */
export const RAGGED: Example[] = [
  { input: [1, 4, 2, 0], target: [0, 2, 1, 0] },
  { input: [3, 0], target: [1, 1] },
  { input: [2, 2, 1], target: [2, 0, 1] },
];
