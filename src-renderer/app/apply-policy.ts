import type { LessonPack } from '../../src-shared/protocol/lesson-pack';
import { readLessonPack } from '../i18n/pack-translations';
import type { PolicyLoad } from '../../src-shared/protocol/policy';
import { startupLocale } from './managed.svelte';
import { problem, type Problem } from '../../src-shared/protocol/problem';

export interface StartupPolicyDeps<L extends string> {
  readonly savedLocale: L;
  readonly hasSavedSettings: boolean;
  readonly locales: readonly L[];
  setLocale(locale: L): void;
  usePack(pack: LessonPack): void;
}

/**
 * Apply a freshly read policy at startup: the language, and the preloaded lesson pack (validated like a pack opened
 * by hand). Returns every problem to report, the file's own and those found applying it; valid keys apply regardless.
 */
export function applyStartupPolicy<L extends string>(load: PolicyLoad, deps: StartupPolicyDeps<L>): Problem[] {
  const issues = [...load.issues];
  const start = startupLocale(deps.savedLocale, deps.hasSavedSettings, load.policy, deps.locales);
  deps.setLocale(start.locale);
  if (start.issue) issues.push(start.issue);
  if (load.policy.lessonPack && load.lessonPackText !== undefined) {
    const parsed = readLessonPack(load.lessonPackText);
    if (parsed.ok) deps.usePack(parsed.pack);
    else {
      const { path } = load.policy.lessonPack;
      issues.push(problem('policy.packInvalid', { path }, `lessonPack: ${path} is not a valid lesson pack (${parsed.error}); ignored`));
    }
  }
  return issues;
}
