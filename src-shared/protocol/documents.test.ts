import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './training-config';
import { SettingsSchema } from './documents';

const settings = (locale: unknown) => ({ version: 1, theme: 'system', largeText: false, reducedMotion: 'system', locale, lastConfig: DEFAULT_CONFIG });

describe('the settings document', () => {
  it.each(['en', 'fr', 'es', 'de', 'fr-CA'])('accepts the language code %j (one the build lacks is shown in English, not refused)', (code) => {
    expect(v.safeParse(SettingsSchema, settings(code)).success).toBe(true);
  });

  it.each(['', 'EN', 'english', 'fr_FR', 'es-419x', 42, null])('refuses %j as a language code', (code) => {
    expect(v.safeParse(SettingsSchema, settings(code)).success).toBe(false);
  });
});
