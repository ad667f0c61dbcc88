import * as v from 'valibot';
import type { SavedRun } from './saved-run';
import { isRunDocKind, runDocSchema, RunIndexSchema, type RunDocKind, type RunIndex } from './run-docs';
import { TrainingConfigSchema } from './training-config';
import type { DocKind, FixedDocKind } from './ipc-contract';
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

/** The index of saved runs (run-docs.ts): each run is a document of its own, `run:<id>`. */
export type SavedRuns = RunIndex;

export const DOC_SCHEMAS = {
  settings: SettingsSchema,
  progress: ProgressSchema,
  quiz: QuizResultsSchema,
  runs: RunIndexSchema,
} satisfies Record<FixedDocKind, v.GenericSchema>;

export interface DocTypes {
  settings: Settings;
  progress: Progress;
  quiz: QuizResults;
  runs: RunIndex;
  /** One saved run (run-docs.ts). */
  [run: RunDocKind]: SavedRun;
}

/** Validate a document of the given kind; the error names the first bad field. */
export function parseDoc<K extends DocKind>(kind: K, data: unknown): { ok: true; value: DocTypes[K] } | { ok: false; error: string } {
  const schema: v.GenericSchema = isRunDocKind(kind) ? runDocSchema(kind) : DOC_SCHEMAS[kind as FixedDocKind];
  const result = v.safeParse(schema, data);
  if (result.success) return { ok: true, value: result.output as DocTypes[K] };
  return { ok: false, error: describeIssues(result.issues) };
}
