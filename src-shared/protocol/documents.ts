import * as v from 'valibot';
import { CheckpointSchema } from './trainer-messages';
import { TrainingConfigSchema } from './training-config';
import type { DocKind } from './ipc-contract';

/**
 * Versioned JSON documents kept in the user-data folder (desktop) or IndexedDB (browser).
 * Each kind has one schema; a file that fails it is quarantined, never overwritten silently.
 */

export const SettingsSchema = v.strictObject({
  version: v.literal(1),
  theme: v.picklist(['system', 'light', 'dark', 'contrast']),
  largeText: v.boolean(),
  reducedMotion: v.picklist(['system', 'on', 'off']),
  locale: v.picklist(['en', 'fr', 'es']),
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
  runs: v.pipe(
    v.array(
      v.strictObject({
        name: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
        savedAt: v.pipe(v.string(), v.maxLength(40)),
        checkpoint: CheckpointSchema,
      }),
    ),
    v.maxLength(20),
  ),
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

/** One readable line per problem: "lastConfig.hiddenSize: hidden size must be at most 256". */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
