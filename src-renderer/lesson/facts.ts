import { paramCount, paramParts } from '../../src-shared/engine/index';
import type { CellKind, ModelConfig } from '../../src-shared/engine/types';
import type { TrainingConfig } from '../../src-shared/protocol/training-config';
import { makeTask } from '../../src-shared/tasks/index';
import type { TaskData } from '../../src-shared/tasks/types';
import { modelConfigFor } from '../../src-shared/session/run';
import { formatSci } from '../i18n/format';

/** Formula for the vanilla cell: H·I + H·H + H. */
export const rnnCellCount = (I: number, H: number): number => H * I + H * H + H;
/** Formula for the read-out layer: O·H + O. */
export const headCount = (H: number, O: number): number => O * H + O;

/** A one-layer, one-direction, many-to-one model of the given sizes, as the engine builds it. */
export function plainModelConfig(cell: CellKind, I: number, H: number, O: number): ModelConfig {
  return {
    cell, activation: 'tanh', inputSize: I, hiddenSize: H, outputSize: O, layers: 1, bidirectional: false,
    shape: 'many-to-one', loss: 'softmax-ce', init: { kind: 'xavier', spectralRadius: 1 }, seed: 1,
  };
}

/** Trainable parameters the engine gives that model (cell + read-out), counted from its parameter specs. */
export function engineParamCount(cell: CellKind, I: number, H: number, O: number): number {
  return paramCount(plainModelConfig(cell, I, H, O));
}

/** What remains of a gradient after `T − 1` steps that each scale it by `factor`. */
export const decay = (factor: number, T: number): number => Math.pow(factor, T - 1);

/** The worked example of the vanishing section (its inputs, not its results, are fixed). */
export const WORKED_EXAMPLE = { factor: 0.7, T: 100 } as const;

const taskCache = new Map<string, TaskData>();
function taskFor(config: TrainingConfig): TaskData {
  const key = JSON.stringify([config.task, config.taskParams, config.seed]);
  let task = taskCache.get(key);
  if (!task) {
    task = makeTask(config.task, config.taskParams, config.seed);
    taskCache.set(key, task);
  }
  return task;
}

/** Every number the lesson's prose states, computed from the engine for the Lab's current configuration. */
export function lessonFacts(config: TrainingConfig): Record<string, string | number> {
  const task = taskFor(config);
  const lab = modelConfigFor(config, task);
  // I is what the engine's first cell reads per step: the vocabulary for most tasks, but for a generator
  // (one-to-many) the seed, the previous output and the start flag side by side (I + O + 1 columns).
  const I = paramParts(lab).chains[0].inputSize;
  const O = task.outputVocab.length;
  const H = config.hiddenSize;
  const { factor, T } = WORKED_EXAMPLE;
  return {
    I, O, H,
    cellCount: rnnCellCount(I, H),
    headCount: headCount(H, O),
    engineCount: engineParamCount('rnn', I, H, O),
    labCount: paramCount(lab),
    labCell: config.cell.toUpperCase(),
    rnn: engineParamCount('rnn', I, H, O),
    gru: engineParamCount('gru', I, H, O),
    lstm: engineParamCount('lstm', I, H, O),
    T, factor, steps: T - 1,
    value: formatSci(decay(factor, T)),
    less: formatSci(decay(factor, T - 1)),
    more: formatSci(decay(factor, T + 1)),
  };
}
