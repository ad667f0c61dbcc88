import { afterEach, describe, expect, it } from 'vitest';
import { PACK_TRANSLATION_LIMITS } from '../../src-shared/protocol/lesson-pack';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import { makeLessonPack } from '../quiz/lesson-pack-io';
import { en } from './en';
import { locale, lookup, setPackTranslations, t } from './i18n.svelte';
import { readLessonPack } from './pack-translations';

const base = () =>
  makeLessonPack(
    { title: 'Terminale — RNN', sections: ['why', 'vanishing'], questions: ['decay-power'], quizSeed: 3, demoSeed: 4, config: DEFAULT_CONFIG },
    new Date('2026-01-02T03:04:05Z'),
  );
const withTranslations = (translations: unknown) => JSON.stringify({ ...base(), translations });

const OWN_WHY = 'Il y a {steps} facteurs entre le dernier pas et le premier : la fraction vaut {factor}^{steps} ≈ {value}.';

afterEach(() => {
  setPackTranslations(undefined);
  locale.set('en');
});

describe('a lesson pack carries its own translations', () => {
  it('loads them, and the quiz reads the pack’s text for the active locale only', () => {
    const parsed = readLessonPack(withTranslations({ fr: { 'quiz.decay-power.why': OWN_WHY, 'section.why.title': 'Pourquoi un état ?' } }));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    setPackTranslations(parsed.pack.translations);
    locale.set('fr');
    expect(t('quiz.decay-power.why', { steps: 99, factor: '0,7', value: '4,6 × 10⁻¹⁶' })).toBe(
      'Il y a 99 facteurs entre le dernier pas et le premier : la fraction vaut 0,7^99 ≈ 4,6 × 10⁻¹⁶.',
    );
    expect(t('section.why.title')).toBe('Pourquoi un état ?');
    // Keys the pack does not translate come from the app's catalogue; other locales are untouched.
    expect(t('ui.lesson.next')).toBe('Suivant');
    expect(lookup('en', 'section.why.title')).toBe(en['section.why.title']);
    setPackTranslations(undefined);
    expect(t('section.why.title')).toBe('Pourquoi la récurrence');
  });

  it('packs without translations still load (the field is optional)', () => {
    expect(readLessonPack(JSON.stringify(base())).ok).toBe(true);
  });

  const rejected = (translations: unknown, error: RegExp) => {
    const res = readLessonPack(withTranslations(translations));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(error);
  };

  it('refuses a key that is not a lesson or quiz text, or that the app does not have', () => {
    rejected({ fr: { 'ui.lesson.next': 'Après' } }, /each translated key must be a lesson or quiz text key/);
    rejected({ fr: { 'lesson.why.p99': 'Texte' } }, /translations\.fr: "lesson\.why\.p99" is not a lesson or quiz text of this app/);
  });

  it('refuses a translation that drops or renames a number the engine fills in', () => {
    rejected({ es: { 'quiz.decay-power.why': 'La fracción vale {factor}^{pasos}.' } }, /translations\.es\.quiz\.decay-power\.why: must keep the placeholders \{factor\}, \{steps\}, \{value\}/);
  });

  it('refuses malformed locales and values, and caps the size', () => {
    rejected({ French: { 'section.why.title': 'x' } }, /language code such as "fr"/);
    rejected({ fr: { 'section.why.title': 42 } }, /each translation must be text/);
    rejected({ fr: { 'section.why.title': 'x'.repeat(PACK_TRANSLATION_LIMITS.charsPerText + 1) } }, /at most 4000 characters/);
    const many = Object.fromEntries(Array.from({ length: PACK_TRANSLATION_LIMITS.locales + 1 }, (_, i) => [`x${String.fromCharCode(97 + i)}`, {}]));
    rejected(many, /at most 8 locales/);
    const entries = Object.fromEntries(Array.from({ length: PACK_TRANSLATION_LIMITS.entriesPerLocale + 1 }, (_, i) => [`lesson.k${i}`, 'x']));
    rejected({ fr: entries }, /at most 600 translated texts/);
  });
});
