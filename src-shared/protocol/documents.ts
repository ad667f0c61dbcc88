import * as v from 'valibot';
import { MAX_SAVED_RUNS, SavedRunSchema } from './saved-run';
import { TrainingConfigSchema } from './training-config';
import type { DocKind } from './ipc-contract';
import { clip, describeIssues } from './describe-issues';

export { clip, describeIssues };

/**
 * Versioned JSON documents kept in the user-data folder (desktop) or IndexedDB (browser).
 * Each kind has one schema; a file that fails it is quarantined, never overwritten silently.
 */

export const SettingsSchema = v.strictObject({
  version: v.literal(1),
  theme: v.picklist(['system', 'light', 'dark', 'contrast']),
  largeText: v.boolean(),
  reducedMotion: v.picklist(['system', 'on', 'off']),
  /**
   * A language code ("en", "fr", "es"). Not a fixed list: the renderer shows English for a code it has no catalogue
   * for, so a settings file written by a build with more languages still loads with the rest of its settings.
   */
  locale: v.pipe(v.string(), v.regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'a language code such as "en" or "fr-CA"')),
  lastConfig: TrainingConfigSchema,
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const ProgressSchema = v.strictObject({
  version: v.literal(1),
  currentSection: v.pipe(v.string(), v.maxLength(64)),
  completed: v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(100)),
});
export type Progress = v.InferOutput<typeof ProgressSchema>;

export const QuizResultsSchema = v.strictObject({
  version: v.literal(1),
  attempts: v.pipe(
    v.array(
      v.strictObject({
        at: v.pipe(v.string(), v.maxLength(40)),
        seed: v.pipe(v.number(), v.integer()),
        score: v.pipe(v.number(), v.integer(), v.minValue(0)),
        total: v.pipe(v.number(), v.integer(), v.minValue(0)),
        answers: v.pipe(v.record(v.pipe(v.string(), v.maxLength(64)), v.pipe(v.string(), v.maxLength(200))), v.maxEntries(100)),
      }),
    ),
    v.maxLength(1000),
  ),
});
export type QuizResults = v.InferOutput<typeof QuizResultsSchema>;

export const SavedRunsSchema = v.strictObject({
  version: v.literal(1),
  /** The learner's saved runs, oldest first (saved-run.ts). */
  runs: v.pipe(v.array(SavedRunSchema), v.maxLength(MAX_SAVED_RUNS)),
});
export type SavedRuns = v.InferOutput<typeof SavedRunsSchema>;

export const DOC_SCHEMAS = {
  settings: SettingsSchema,
  progress: ProgressSchema,
  quiz: QuizResultsSchema,
  runs: SavedRunsSchema,
} satisfies Record<DocKind, v.GenericSchema>;

export interface DocTypes {
  settings: Settings;
  progress: Progress;
  quiz: QuizResults;
  runs: SavedRuns;
}

/** Validate a document of the given kind; the error names the first bad field. */
export function parseDoc<K extends DocKind>(kind: K, data: unknown): { ok: true; value: DocTypes[K] } | { ok: false; error: string } {
  const result = v.safeParse(DOC_SCHEMAS[kind], data);
  if (result.success) return { ok: true, value: result.output as DocTypes[K] };
  return { ok: false, error: describeIssues(result.issues) };
}
