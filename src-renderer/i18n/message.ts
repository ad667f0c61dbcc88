/**
 * A sentence kept as data and worded when it is shown: a catalogue key and its values, where a value may itself be
 * a message or a problem (problem.ts). Notices and status lines store these, not text, so a locale switch rewords
 * what is already on screen, and an English detail never reaches a translated sentence.
 */
import type { Problem } from '../../src-shared/protocol/problem';
import type { MessageKey } from './en';
import { t } from './i18n.svelte';
import { problemText } from './problem-text';

export interface Message {
  readonly key: MessageKey;
  readonly vars?: MessageVars;
}

/** A value of a message: text and numbers as they are; a message or a problem worded; a list joined with "; ". */
export type MessageValue = string | number | Message | Problem | readonly (Message | Problem)[];
export type MessageVars = Readonly<Record<string, MessageValue>>;

export function message(key: MessageKey, vars?: MessageVars): Message {
  return vars ? { key, vars } : { key };
}

/** A message in the current locale (reactive: it reads the locale through `t`). */
export function messageText(m: Message): string {
  return t(m.key, wordedVars(m.vars));
}

/** The values of a message as `t` takes them, each message or problem among them worded in the current locale. */
export function wordedVars(vars: MessageVars | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(vars ?? {})) out[name] = worded(value);
  return out;
}

function worded(value: MessageValue): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (isList(value)) return value.map((v) => worded(v)).join(t('problem.separator'));
  return 'code' in value ? problemText(value) : messageText(value);
}

function isList(value: MessageValue): value is readonly (Message | Problem)[] {
  return Array.isArray(value);
}
