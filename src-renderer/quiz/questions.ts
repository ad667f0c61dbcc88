import type { LessonSectionId, QuizQuestionId } from '../../src-shared/protocol/lesson-pack';
import { QUIZ_QUESTION_IDS } from '../../src-shared/protocol/lesson-pack';
import { createRng } from '../../src-shared/tasks/random';
import type { MessageKey } from '../i18n/en';
import { decay, engineParamCount, headCount, rnnCellCount } from '../lesson/facts';
import { formatSci } from '../i18n/format';
import type { Tolerance } from './numeric';
import { deriveSeed } from './shuffle';

/** Option ids; in every definition option 'a' is the right one (the order shown is shuffled). */
export type OptionId = 'a' | 'b' | 'c' | 'd';
export type Vars = Record<string, string | number>;

interface Base {
  readonly id: QuizQuestionId;
  /** The lesson section the explanation links back to. */
  readonly section: LessonSectionId;
}
export interface ChoiceDef extends Base {
  readonly kind: 'choice';
  readonly options: readonly OptionId[];
}
export interface NumericDef extends Base {
  readonly kind: 'numeric';
  /** Sizes drawn from the attempt's seed; the answer computed by the engine or its formula. */
  readonly build: (seed: number) => { vars: Vars; answer: number; tolerance: Tolerance };
}
export interface PredictDef extends Base {
  readonly kind: 'predict';
  /** 'a' = first model wins, 'b' = second wins, 'c' = within the margin; for 'attribution', the option word the verdict leans on most. */
  readonly experiment: 'race' | 'bidir' | 'attribution';
}
export type QuestionDef = ChoiceDef | NumericDef | PredictDef;

const ABCD: readonly OptionId[] = ['a', 'b', 'c', 'd'];
const ABC: readonly OptionId[] = ['a', 'b', 'c'];
const choice = (id: QuizQuestionId, section: LessonSectionId, options = ABCD): ChoiceDef => ({ id, kind: 'choice', section, options });

/** Sizes for the parameter-count questions, drawn per attempt. */
function sizes(seed: number, id: string): { I: number; H: number; O: number } {
  const rng = createRng(deriveSeed(seed, id));
  return { I: rng.range(4, 40), H: rng.pick([8, 12, 16, 20, 24, 32, 48, 64]), O: rng.range(2, 10) };
}

export const QUESTION_BANK: Record<QuizQuestionId, QuestionDef> = {
  'ff-vs-rnn': choice('ff-vs-rnn', 'why'),
  'why-vanish': choice('why-vanish', 'vanishing'),
  'late-verdict': choice('late-verdict', 'vanishing'),
  unrolling: choice('unrolling', 'bptt'),
  'weight-sharing': choice('weight-sharing', 'cell', ABC),
  'count-depends': choice('count-depends', 'cell', ABC),
  'rnn-params': {
    id: 'rnn-params', kind: 'numeric', section: 'cell',
    build: (seed) => {
      const { I, H, O } = sizes(seed, 'rnn-params');
      const total = engineParamCount('rnn', I, H, O);
      return { vars: { I, H, O, cell: rnnCellCount(I, H), head: headCount(H, O), total }, answer: total, tolerance: { relative: 0 } };
    },
  },
  'lstm-params': {
    id: 'lstm-params', kind: 'numeric', section: 'gates',
    build: (seed) => {
      const { I, H, O } = sizes(seed, 'lstm-params');
      const total = engineParamCount('lstm', I, H, O);
      return { vars: { I, H, O, cell: total - headCount(H, O), head: headCount(H, O), total }, answer: total, tolerance: { relative: 0 } };
    },
  },
  'decay-power': {
    id: 'decay-power', kind: 'numeric', section: 'vanishing',
    build: (seed) => {
      const rng = createRng(deriveSeed(seed, 'decay-power'));
      const factor = rng.pick([0.5, 0.6, 0.7, 0.8, 0.9]);
      const T = rng.pick([20, 30, 40, 50]);
      const value = decay(factor, T);
      return { vars: { factor, T, steps: T - 1, value: formatSci(value) }, answer: value, tolerance: { relative: 0.05 } };
    },
  },
  'bptt-sum': choice('bptt-sum', 'bptt', ABC),
  'lstm-path': choice('lstm-path', 'gates', ABC),
  'clip-remedy': choice('clip-remedy', 'vanishing', ABC),
  'shape-translate': choice('shape-translate', 'shapes'),
  'shape-tagging': choice('shape-tagging', 'shapes', ABC),
  'bi-realtime': choice('bi-realtime', 'bidirectional', ABC),
  bert: choice('bert', 'bidirectional', ABC),
  'predict-race': { id: 'predict-race', kind: 'predict', section: 'gates', experiment: 'race' },
  'predict-bidir': { id: 'predict-bidir', kind: 'predict', section: 'bidirectional', experiment: 'bidir' },
  'predict-attribution': { id: 'predict-attribution', kind: 'predict', section: 'vanishing', experiment: 'attribution' },
};

export const ALL_QUESTIONS: readonly QuestionDef[] = QUIZ_QUESTION_IDS.map((id) => QUESTION_BANK[id]);

export const promptKey = (id: QuizQuestionId): MessageKey => `quiz.${id}.prompt` as MessageKey;
export const optionKey = (id: QuizQuestionId, option: OptionId): MessageKey => `quiz.${id}.${option}` as MessageKey;
export const explanationKey = (id: QuizQuestionId): MessageKey => `quiz.${id}.why` as MessageKey;
