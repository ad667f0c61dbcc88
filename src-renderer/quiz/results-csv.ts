import type { QuizResults } from '../../src-shared/protocol/documents';
import { QUIZ_QUESTION_IDS, type QuizQuestionId } from '../../src-shared/protocol/lesson-pack';
import { csvField } from '../export/csv-field';
import { t } from '../i18n/i18n.svelte';
import { buildItem } from './quiz-build';
import { isCorrect } from './scoring';

/**
 * One row per attempt (column names in the learner's language, values as stored: ISO times, plain numbers): learner, time, seed, score, total, then for each question asked its answer and
 * whether it was right (1/0). Questions an attempt did not include stay empty.
 */
export function resultsToCsv(results: QuizResults, learner = ''): string {
  const asked = QUIZ_QUESTION_IDS.filter((id) => results.attempts.some((a) => id in a.answers));
  const header = [t('csv.learner'), t('csv.at'), t('csv.seed'), t('csv.score'), t('csv.total'), ...asked.flatMap((id) => [id, `${id}:${t('csv.correct')}`])];
  const rows = results.attempts.map((a) => [
    learner, a.at, a.seed, a.score, a.total,
    ...asked.flatMap((id: QuizQuestionId) => {
      if (!(id in a.answers)) return ['', ''];
      const answer = a.answers[id];
      return [answer, isCorrect(buildItem(id, a.seed), answer) ? 1 : 0];
    }),
  ]);
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
