import * as v from 'valibot';
import { describeIssues } from './documents';
import { TrainingConfigSchema } from './training-config';

/**
 * A lesson pack: what a teacher hands out as one JSON file so a class sees the same lesson, the same quiz
 * and the same demo runs. Validated on import; the error names the first bad field.
 */

/** The lesson's sections, in reading order (the renderer's content is keyed by these ids). */
export const LESSON_SECTION_IDS = ['why', 'cell', 'bptt', 'vanishing', 'gates', 'shapes', 'bidirectional'] as const;
export type LessonSectionId = (typeof LESSON_SECTION_IDS)[number];

/** Every quiz question the app knows (the renderer's bank is keyed by these ids). */
export const QUIZ_QUESTION_IDS = [
  'ff-vs-rnn',
  'why-vanish',
  'late-verdict',
  'unrolling',
  'weight-sharing',
  'count-depends',
  'rnn-params',
  'lstm-params',
  'decay-power',
  'bptt-sum',
  'lstm-path',
  'clip-remedy',
  'shape-translate',
  'shape-tagging',
  'bi-realtime',
  'bert',
  'predict-race',
  'predict-bidir',
] as const;
export type QuizQuestionId = (typeof QUIZ_QUESTION_IDS)[number];

export const LESSON_PACK_FORMAT = 'rnn-lab-lesson-pack';

const seed = (what: string) =>
  v.pipe(
    v.number(`${what} must be a number`),
    v.integer(`${what} must be a whole number`),
    v.minValue(0, `${what} must be at least 0`),
    v.maxValue(2 ** 31 - 1, `${what} must be at most ${2 ** 31 - 1}`),
  );

const unique = <T>(what: string) =>
  v.check<T[], string>((items) => new Set(items).size === items.length, `${what} must not list the same id twice`);

export const LessonPackSchema = v.strictObject({
  format: v.literal(LESSON_PACK_FORMAT, `format must be "${LESSON_PACK_FORMAT}"`),
  version: v.literal(1, 'version must be 1'),
  title: v.pipe(v.string('title must be text'), v.trim(), v.minLength(1, 'title must not be empty'), v.maxLength(120, 'title must be at most 120 characters')),
  createdAt: v.pipe(v.string('createdAt must be text'), v.maxLength(40, 'createdAt must be at most 40 characters')),
  /** Sections the class reads, in the lesson's order. */
  sections: v.pipe(
    v.array(v.picklist(LESSON_SECTION_IDS, `each section must be one of: ${LESSON_SECTION_IDS.join(', ')}`), 'sections must be a list'),
    v.minLength(1, 'sections must list at least one section'),
    unique<LessonSectionId>('sections'),
  ),
  /** Questions asked, before shuffling. */
  questions: v.pipe(
    v.array(v.picklist(QUIZ_QUESTION_IDS, 'each question must be a known question id'), 'questions must be a list'),
    v.minLength(1, 'questions must list at least one question'),
    unique<QuizQuestionId>('questions'),
  ),
  /** Seed of the question and option order: every learner gets the same quiz. */
  quizSeed: seed('quizSeed'),
  /** Seed of the demo runs (the race, the tagging comparison). */
  demoSeed: seed('demoSeed'),
  /** The Lab settings the class starts from. */
  config: TrainingConfigSchema,
});
export type LessonPack = v.InferOutput<typeof LessonPackSchema>;

export type PackParse = { ok: true; pack: LessonPack } | { ok: false; error: string };

/** Parse a pack from the text of a file: JSON errors and schema errors both come back as one readable line. */
export function parseLessonPack(text: string): PackParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `not a JSON file (${err instanceof Error ? err.message : String(err)})` };
  }
  const result = v.safeParse(LessonPackSchema, data);
  if (result.success) return { ok: true, pack: result.output };
  return { ok: false, error: describeIssues(result.issues) };
}
