import * as v from 'valibot';
import { clip, describeIssues } from './documents';
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
  'predict-attribution',
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

/** Caps on what a pack may carry as its own translations, so a hand-edited or hostile file stays small. */
export const PACK_TRANSLATION_LIMITS = { locales: 8, entriesPerLocale: 600, charsPerText: 4000, totalChars: 600_000 } as const;

/** Which catalogue texts a pack may replace: the lesson's and the quiz's content, not the interface. */
export const PACK_TEXT_KEY = /^(lesson|quiz|section|key|notes|ref)\.[A-Za-z0-9_.-]{1,80}$/;

const L = PACK_TRANSLATION_LIMITS;
const PackTextsSchema = v.pipe(
  v.record(
    v.pipe(v.string(), v.regex(PACK_TEXT_KEY, 'each translated key must be a lesson or quiz text key (lesson.*, quiz.*, section.*, key.*, notes.*, ref.*)')),
    v.pipe(v.string('each translation must be text'), v.maxLength(L.charsPerText, `each translation must be at most ${L.charsPerText} characters`)),
    'each locale\'s translations must be an object of key: text',
  ),
  v.check((o) => Object.keys(o).length <= L.entriesPerLocale, `a locale may carry at most ${L.entriesPerLocale} translated texts`),
);

/**
 * The pack's own wording per locale ("fr" → key → text): a teacher's translation or rewording of the lesson and the
 * quiz. The renderer checks the keys and placeholders against its catalogue when the pack is loaded.
 */
const TranslationsSchema = v.pipe(
  v.record(v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'each translations locale must be a language code such as "fr" or "es"')), PackTextsSchema,
    'translations must be an object of locale: texts'),
  v.check((o) => Object.keys(o).length <= L.locales, `translations may cover at most ${L.locales} locales`),
  v.check(
    (o) => Object.values(o).reduce((n, texts) => n + Object.values(texts).reduce((m, s) => m + s.length, 0), 0) <= L.totalChars,
    `translations must total at most ${L.totalChars} characters`,
  ),
);

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
  /** Optional: the pack's own lesson and quiz texts per locale, used for the learner's locale in place of the app's. */
  translations: v.optional(TranslationsSchema),
});
export type LessonPack = v.InferOutput<typeof LessonPackSchema>;

export type PackParse = { ok: true; pack: LessonPack } | { ok: false; error: string };

/** Largest pack file accepted: a real pack is about 1 KB; checked before the text is read or parsed. */
export const LESSON_PACK_MAX_BYTES = 64 * 1024;

/** The refusal for a pack file over the limit (by its size in bytes, or its length in characters). */
export const packTooBig = (): PackParse => ({ ok: false, error: `the file is over the ${LESSON_PACK_MAX_BYTES}-byte limit for a lesson pack` });

/** Parse a pack from the text of a file: JSON errors and schema errors both come back as one readable line. */
export function parseLessonPack(text: string): PackParse {
  // Every character is at least one byte: a longer text is over the limit whatever it holds.
  if (text.length > LESSON_PACK_MAX_BYTES) return packTooBig();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `not a JSON file (${clip(err instanceof Error ? err.message : String(err), 160)})` };
  }
  const result = v.safeParse(LessonPackSchema, data);
  if (result.success) return { ok: true, pack: result.output };
  return { ok: false, error: describeIssues(result.issues) };
}
