import { decodeWord, wordOutcome } from './attribution-question';
import { decodePredict, outcomeOption } from './experiments';
import { checkNumeric } from './numeric';
import type { QuizItem } from './quiz-build';

/** Is the stored answer string right for this item? Missing or malformed answers are wrong, never a throw. */
export function isCorrect(item: QuizItem, answer: string | undefined): boolean {
  if (answer === undefined || answer === '') return false;
  switch (item.def.kind) {
    case 'choice':
      return answer === 'a';
    case 'numeric':
      return item.numeric !== null && checkNumeric(answer, item.numeric.answer, item.numeric.tolerance);
    case 'predict': {
      if (item.def.experiment === 'attribution') {
        const w = decodeWord(answer);
        return w !== null && w.choice === wordOutcome(w.shares);
      }
      const p = decodePredict(answer);
      return p !== null && p.choice === outcomeOption(p.accFirst, p.accSecond);
    }
  }
}

export interface Score {
  readonly score: number;
  readonly total: number;
}

export function scoreAttempt(items: readonly QuizItem[], answers: Readonly<Record<string, string>>): Score {
  return { score: items.filter((item) => isCorrect(item, answers[item.def.id])).length, total: items.length };
}
