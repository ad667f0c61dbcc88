/**
 * A lesson pack's translations, checked against the app's catalogue when the pack is loaded: every key must be a
 * text the app shows, with the same {placeholders} as the English, so a pack can reword the lesson but never drop
 * a number the engine fills in. The schema (src-shared/protocol/lesson-pack.ts) has already capped the sizes.
 */
import { parseLessonPack, type PackParse } from '../../src-shared/protocol/lesson-pack';
import { en } from './en';

const slots = (s: string): string => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort().join(',');

/** The first problem with a pack's translations, as one readable line, or null when they are all usable. */
export function checkPackTranslations(translations: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined): string | null {
  for (const [locale, texts] of Object.entries(translations ?? {})) {
    for (const [key, text] of Object.entries(texts)) {
      if (!(key in en)) return `translations.${locale}: "${key}" is not a lesson or quiz text of this app`;
      const want = slots(en[key as keyof typeof en]);
      if (slots(text) !== want) {
        return `translations.${locale}.${key}: must keep the placeholders {${want.split(',').filter(Boolean).join('}, {')}} of the original`;
      }
    }
  }
  return null;
}

/** Parse a pack file and check its translations: what every loader of a pack in the renderer uses. */
export function readLessonPack(text: string): PackParse {
  const parsed = parseLessonPack(text);
  if (!parsed.ok) return parsed;
  const problem = checkPackTranslations(parsed.pack.translations);
  return problem ? { ok: false, error: problem } : parsed;
}
