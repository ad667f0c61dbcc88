import { describe, expect, it } from 'vitest';
import { startupLocale } from './managed.svelte';

const KNOWN = ['en', 'fr'] as const;

describe('startupLocale(saved, hasSavedSettings, policy, known)', () => {
  it('keeps the learner’s language when there is no policy language', () => {
    expect(startupLocale('fr', true, {}, KNOWN)).toEqual({ locale: 'fr' });
  });

  it('forces a locked policy language over a saved choice', () => {
    expect(startupLocale('en', true, { locale: 'fr', lockLocale: true }, KNOWN)).toEqual({ locale: 'fr' });
  });

  it('uses an unlocked policy language as the first-launch default only', () => {
    expect(startupLocale('en', false, { locale: 'fr' }, KNOWN)).toEqual({ locale: 'fr' });
    expect(startupLocale('en', true, { locale: 'fr' }, KNOWN)).toEqual({ locale: 'en' });
  });

  it('reports a language the build does not ship and keeps the saved one', () => {
    const res = startupLocale('en', false, { locale: 'de', lockLocale: true }, KNOWN);
    expect(res.locale).toBe('en');
    expect(res.issue).toMatchObject({ code: 'policy.unknownLocale', params: { value: 'de', known: 'en, fr' } });
    expect(res.issue?.detail).toMatch(/"de" is not a language this version has \(en, fr\)/);
  });
});
