import type { Example, LossKind, ProblemShape } from '../engine/types';

/** The bundled tasks. */
export type TaskId = 'sentiment' | 'pos-tagging' | 'number-words' | 'melody' | 'memory' | 'char-lm';

/** One adjustable knob of a task (for example the gap between the contrary clause and the verdict). */
export interface TaskParamSpec {
  readonly key: string;
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly default: number;
}

export interface TaskSpec {
  readonly id: TaskId;
  readonly title: string;
  /** One plain-English sentence for the learner. */
  readonly blurb: string;
  readonly shape: ProblemShape;
  readonly loss: LossKind;
  /** Held-out accuracy the default model reaches in under 30 s on one core. */
  readonly targetAccuracy: number;
  readonly params: readonly TaskParamSpec[];
}

/** A generated, seeded data set for one task. */
export interface TaskData {
  readonly spec: TaskSpec;
  /** Input tokens: index = id; the engine one-hot encodes x_t over this vocabulary. */
  readonly inputVocab: readonly string[];
  /** Output classes / tokens: index = id. */
  readonly outputVocab: readonly string[];
  readonly train: readonly Example[];
  readonly test: readonly Example[];
  /** Human-readable rendering of an example's input (words joined by spaces, characters joined directly...). */
  formatInput(ids: readonly number[]): string;
  formatOutput(ids: readonly number[]): string;
}
