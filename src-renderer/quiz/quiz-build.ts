import type { QuizQuestionId } from '../../src-shared/protocol/lesson-pack';
import { ATTRIBUTION_EXPERIMENT, WORD_OPTIONS } from './attribution-question';
import { BIDIR_EXPERIMENT, MARGIN_POINTS, RACE_EXPERIMENT } from './experiments';
import type { Tolerance } from './numeric';
import { QUESTION_BANK, type OptionId, type QuestionDef, type Vars } from './questions';
import { deriveSeed, seededShuffle } from './shuffle';

/** One question as this attempt shows it: options in shuffled order, numbers filled in. */
export interface QuizItem {
  readonly def: QuestionDef;
  readonly options: readonly OptionId[];
  readonly vars: Vars;
  readonly numeric: { readonly answer: number; readonly tolerance: Tolerance } | null;
}

function predictVars(def: QuestionDef): Vars {
  if (def.kind !== 'predict') return {};
  switch (def.experiment) {
    case 'race':
      return { k: RACE_EXPERIMENT.k, steps: RACE_EXPERIMENT.steps, margin: MARGIN_POINTS };
    case 'bidir':
      return { steps: BIDIR_EXPERIMENT.steps, margin: MARGIN_POINTS };
    case 'attribution':
      // The four words depend on the run's seed: the card adds them (wordVars) from the seed it runs with.
      return { steps: ATTRIBUTION_EXPERIMENT.steps, gap: ATTRIBUTION_EXPERIMENT.gap };
  }
}

export function buildItem(id: QuizQuestionId, seed: number): QuizItem {
  const def = QUESTION_BANK[id];
  switch (def.kind) {
    case 'choice':
      return { def, options: seededShuffle(def.options, deriveSeed(seed, `options:${id}`)), vars: {}, numeric: null };
    case 'numeric': {
      const built = def.build(seed);
      return { def, options: [], vars: built.vars, numeric: { answer: built.answer, tolerance: built.tolerance } };
    }
    case 'predict':
      // The three outcomes keep their natural order (first wins, second wins, about the same); the words, the review's.
      return { def, options: def.experiment === 'attribution' ? WORD_OPTIONS : ['a', 'b', 'c'], vars: predictVars(def), numeric: null };
  }
}

/** The questions of one attempt, in the order fixed by its seed. */
export function buildQuiz(ids: readonly QuizQuestionId[], seed: number): QuizItem[] {
  return seededShuffle(ids, deriveSeed(seed, 'order')).map((id) => buildItem(id, seed));
}
