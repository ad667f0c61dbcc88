import type { TaskId } from '../../src-shared/tasks/types';
import { en, type MessageKey } from '../i18n/en';
import { t } from '../i18n/i18n.svelte';
import { taskSpec } from './task-specs';

export { defaultTaskParams, TASKS, taskSpec } from './task-specs';

/*
 * What the learner reads about a task comes from the catalogue, keyed by the task's id: `task.<id>.title`,
 * `task.<id>.blurb`, `task.<id>.param.<key>`, and `task.<id>.data` where the data set itself is English.
 * The English in src-shared/tasks stays the specs' own description; a task added there without catalogue
 * entries shows that English, and the task-catalog test fails.
 */
function isKey(key: string): key is MessageKey {
  return key in en;
}

function lookupOr(key: string, fallback: string): string {
  return isKey(key) ? t(key) : fallback;
}

export function taskTitle(id: TaskId): string {
  return lookupOr(`task.${id}.title`, taskSpec(id)?.title ?? id);
}

export function taskBlurb(id: TaskId): string {
  return lookupOr(`task.${id}.blurb`, taskSpec(id)?.blurb ?? '');
}

export function taskParamLabel(id: TaskId, key: string): string {
  return lookupOr(`task.${id}.param.${key}`, taskSpec(id)?.params.find((p) => p.key === key)?.label ?? key);
}

/** For tasks whose examples are English text: a sentence saying so, in the learner's language; null otherwise. */
export function taskDataNote(id: TaskId): string | null {
  const key = `task.${id}.data`;
  return isKey(key) ? t(key) : null;
}

/** Whose words an example's column holds: the English data set's ('en'), or none in particular (digits, letters, notes). */
const ENGLISH_DATA: Partial<Record<TaskId, { readonly input: boolean; readonly output: boolean }>> = {
  sentiment: { input: true, output: false },
  'pos-tagging': { input: true, output: true },
  'number-words': { input: true, output: false },
  'char-lm': { input: true, output: true },
};

/** `lang` for an example column: "en" where the text is the English data set itself, so it is marked as such. */
export function exampleLang(id: TaskId, column: 'input' | 'output'): 'en' | undefined {
  return ENGLISH_DATA[id]?.[column] ? 'en' : undefined;
}

/**
 * A formatted output sequence as the learner reads it: the class names the app itself chose (the sentiment
 * labels) and the end marker are translated; tokens that are the data (letters, digits, notes, tags) stay as they are.
 */
export function displayOutput(id: TaskId, text: string): string {
  const whole = `task.${id}.label.${text}`;
  if (isKey(whole)) return t(whole);
  return text.replaceAll('<eos>', `⟨${t('task.endOfSequence')}⟩`);
}
