import type { StepDetail } from '../../src-shared/protocol/trainer-messages';
import type { TrainingConfig } from '../../src-shared/protocol/training-config';

/**
 * What the lesson's demos read from the Lab's run (LabState fits it): once the learner trains a model the demo
 * is about, its live trace replaces the demo's bundled one.
 */
export interface LiveModel {
  readonly detail: StepDetail | null;
  readonly config: TrainingConfig;
  readonly vocabSizes: { readonly input: number; readonly output: number } | null;
  readonly paramCount: number | null;
}
