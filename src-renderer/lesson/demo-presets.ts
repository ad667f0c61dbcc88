import type { CellKind } from '../../src-shared/engine/types';
import type { LessonSectionId } from '../../src-shared/protocol/lesson-pack';
import type { TrainingConfig } from '../../src-shared/protocol/training-config';
import { defaultTaskParams } from '../lab/task-specs';

/**
 * The live view each section sits beside, preset to make its point. The Lesson passes a preset to the view
 * component when it is available, or asks the shell to open the screen that hosts the view with this preset.
 */
export type DemoPreset =
  | { readonly view: 'unrolled'; readonly mode: 'forward' | 'backward'; readonly task: 'sentiment'; readonly cell: CellKind; readonly steps: number }
  | { readonly view: 'vanishing'; readonly spectralRadius: number; readonly steps: number }
  | { readonly view: 'race'; readonly task: 'memory'; readonly distance: number; readonly trainSteps: number; readonly cells: readonly CellKind[] }
  | { readonly view: 'shapes' }
  | { readonly view: 'tagging'; readonly cell: CellKind; readonly trainSteps: number };

export type DemoView = DemoPreset['view'];

/** Which app screen hosts each view (used when the view cannot be embedded in the lesson). */
export const VIEW_SCREEN: Record<DemoView, 'lab' | 'gradients'> = {
  unrolled: 'lab',
  vanishing: 'gradients',
  race: 'gradients',
  shapes: 'lab',
  tagging: 'gradients',
};

export const DEMO_PRESETS: Record<LessonSectionId, DemoPreset> = {
  why: { view: 'unrolled', mode: 'forward', task: 'sentiment', cell: 'rnn', steps: 8 },
  cell: { view: 'unrolled', mode: 'forward', task: 'sentiment', cell: 'rnn', steps: 6 },
  bptt: { view: 'unrolled', mode: 'backward', task: 'sentiment', cell: 'rnn', steps: 8 },
  vanishing: { view: 'vanishing', spectralRadius: 0.7, steps: 100 },
  gates: { view: 'race', task: 'memory', distance: 50, trainSteps: 200, cells: ['rnn', 'lstm', 'gru'] },
  shapes: { view: 'shapes' },
  bidirectional: { view: 'tagging', cell: 'lstm', trainSteps: 200 },
};

/**
 * The Lab configuration that makes a preset's point, built on the learner's current one (null when the view
 * needs none). Changing the task resets its parameters to the task's defaults, as the Lab's task picker does.
 */
/**
 * What opening a demo does to the Lab: the preset's configuration for the Lab's own views, and nothing for
 * views on the Gradients screen, whose experiments build their own models (the Lab stays the learner's).
 */
export function labConfigForDemo(preset: DemoPreset, base: TrainingConfig): TrainingConfig | null {
  return VIEW_SCREEN[preset.view] === 'lab' ? presetConfig(preset, base) : null;
}

export function presetConfig(preset: DemoPreset, base: TrainingConfig): TrainingConfig | null {
  const withTask = (task: TrainingConfig['task'], params: Record<string, number> = {}): TrainingConfig => ({
    ...base,
    task,
    taskParams: { ...(task === base.task ? base.taskParams : defaultTaskParams(task)), ...params },
  });
  switch (preset.view) {
    case 'unrolled':
      return { ...withTask(preset.task), cell: preset.cell };
    case 'vanishing':
      return { ...base, cell: 'rnn', activation: 'tanh', initKind: 'spectral', spectralRadius: preset.spectralRadius };
    case 'race':
      return { ...withTask(preset.task, { k: Math.min(100, preset.distance) }), cell: preset.cells.includes(base.cell) ? base.cell : preset.cells[0] };
    case 'tagging':
      return { ...withTask('pos-tagging'), cell: preset.cell, bidirectional: true };
    case 'shapes':
      return null;
  }
}
