import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from './en';
import { LOCALES, catalogueOf, interpolate, isLocale, locale, lookup, resolveLocale, t } from './i18n.svelte';

const translated = LOCALES.filter((l) => l !== 'en');
const keys = Object.keys(en) as MessageKey[];

/** The `{name}` slots of a message, sorted, with repeats kept. */
const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** The `$…$` formulas of a message, in order: formulas are never translated. */
const maths = (s: string) => s.match(/\$[^$]*\$/g) ?? [];
/** The prose of a message with its formulas taken out. */
const prose = (s: string) => s.replace(/\$[^$]*\$/g, ' ');

/**
 * Messages a translation may leave exactly as in English: symbols, proper nouns, and words spelt the same in the
 * language. Anything else equal to English is an untranslated string.
 */
/** Cell and activation names, formulas and column names that are the same symbols in every language. */
const SYMBOLS: readonly MessageKey[] = [
  'grad.cell.lstm', 'grad.cell.gru', 'grad.cellInline.lstm', 'grad.cellInline.gru', 'grad.activation.tanh', 'grad.activation.relu', 'grad.progress', 'grad.heat.col', 'csv.t', 'csv.total',
  'ui.unrolled.scene.loop', // the 3D view's recurrence, h_t−1 → h_t
];

const SAME_AS_ENGLISH: Record<string, readonly MessageKey[]> = {
  fr: [
    'ui.nav.gradients', // « Gradients »
    'ui.screen.gradients',
    'ui.nav.quiz', // « Quiz »
    'ui.quiz.heading',
    'ui.pack.questions', // « Questions »
    'ui.lab.pause', // « Pause »
    'ui.unrolled.pause',
    'ui.jobs.pause',
    'ui.lab.kernels.wasm-simd', // « (WebAssembly SIMD) »
    'ui.lesson.readingTime', // « {minutes} min »
    ...SYMBOLS,
    'grad.explorer.activation', // « Activation »
    'grad.curves.gradY', // « ‖gradient‖ »
    'csv.score', // « score »
    'count.points.one', // « {count} point »
    'count.points.other',
  ],
  es: [
    'ui.lesson.readingTime',
    'ui.lab.kernels.wasm-simd',
    'ui.quiz.attemptRow' /* {date}: {score}/{total} */,
    ...SYMBOLS,
    'grad.explorer.ideal', // « ideal ρ^(T−t), ρ = {rho} »
    'grad.race.stepsTitle', // « {cell}: ‖∂L/∂h_t‖ » (French adds its space before the colon)
    'problem.separator', // « ; » between listed problems (French puts a narrow no-break space before it)
  ],
};

describe('message catalogues', () => {
  it('offers English, French and Spanish, each named in its own language in the menu', () => {
    expect(LOCALES).toEqual(['en', 'fr', 'es']);
    expect(LOCALES.map((l) => lookup(l, 'ui.lang.name'))).toEqual(['English', 'Français', 'Español']);
  });

  it.each(translated)('%s has every English key, none extra, and no empty message', (code) => {
    const cat = catalogueOf(code) as Record<string, string>;
    expect(Object.keys(cat).sort()).toEqual([...keys].sort());
    expect(keys.filter((k) => cat[k].trim() === '')).toEqual([]);
  });

  it.each(translated)('%s keeps every {placeholder} of English, as often as English uses it', (code) => {
    const cat = catalogueOf(code);
    const differing = keys.filter((k) => slots(cat[k]).join() !== slots(en[k]).join());
    expect(differing).toEqual([]);
  });

  it.each(translated)('%s keeps every $…$ formula of English unchanged and in order', (code) => {
    const cat = catalogueOf(code);
    for (const k of keys) expect(maths(cat[k]), k).toEqual(maths(en[k]));
  });

  it.each(translated)('%s translates every message except a listed few symbols and shared words', (code) => {
    const cat = catalogueOf(code);
    const allowed = SAME_AS_ENGLISH[code] ?? [];
    expect(keys.filter((k) => cat[k] === en[k] && !allowed.includes(k))).toEqual([]);
    // The list holds only what really is the same, so it cannot hide a string later left in English.
    expect(allowed.filter((k) => cat[k] !== en[k])).toEqual([]);
  });

  it('French sets a no-break space before : ; ? ! » and % and after «, outside formulas', () => {
    const bad = keys.filter((k) => / [:;?!»%]|« /.test(prose(catalogueOf('fr')[k])));
    expect(bad).toEqual([]);
  });

  it('French writes the attribution texts with a narrow no-break space (U+202F) before %, the house style', () => {
    const attribution = keys.filter((k) => /^(attrib\.|ui\.attribution\.)|attribution/.test(k));
    expect(attribution.length).toBeGreaterThan(20);
    expect(attribution.filter((k) => /\u00a0%/.test(catalogueOf('fr')[k]))).toEqual([]);
  });

  it('Spanish opens every question and exclamation with ¿ and ¡', () => {
    const count = (s: string, c: string) => s.split(c).length - 1;
    const es = catalogueOf('es');
    const bad = keys.filter((k) => {
      // A question mark quoted as a symbol of the data («?») asks nothing.
      const p = prose(es[k]).replace(/«[?!]»/g, ' ');
      return count(p, '?') !== count(p, '¿') || count(p, '!') !== count(p, '¡');
    });
    expect(bad).toEqual([]);
  });

  it('looks up the current locale, lesson prose and quiz included', () => {
    expect(lookup('fr', 'ui.lesson.next')).toBe('Suivant');
    expect(lookup('es', 'ui.lesson.next')).toBe('Siguiente');
    expect(lookup('fr', 'lesson.why.p1')).toMatch(/^La parole, le texte/);
    expect(lookup('es', 'quiz.bert.prompt')).toMatch(/^BERT lee las palabras/);
    expect(lookup('es', 'grad.cancel')).toBe('Cancelar');
    locale.set('fr');
    expect(t('section.gates.title')).toBe('Cellules à portes\u00a0: LSTM et GRU');
    locale.set('es');
    expect(t('section.gates.title')).toBe('Celdas con puertas: LSTM y GRU');
    expect(document.documentElement.lang).toBe('es');
    locale.set('en');
    expect(t('section.gates.title')).toBe('Gated cells: LSTM and GRU');
  });

  it('fills an engine number into the same slot in every locale', () => {
    const vars = { I: 7, H: 16, O: 3, cellCount: 384, headCount: 51, engineCount: 435, labCell: 'LSTM', labCount: 1635 };
    for (const l of LOCALES) {
      const text = lookup(l, 'lesson.cell.live', vars);
      // …written the locale's way: 1,635 (en), 1 635 (fr, narrow no-break space), 1635 (es groups from 5 digits).
      const labCount = { en: '1,635', fr: '1\u202f635', es: '1635' }[l];
      for (const n of ['384', '51', '435', labCount]) expect(text, l).toContain(n);
      expect(text, l).not.toMatch(/\{\w+\}/);
    }
  });

  it('uses English for a stored language code the app has no catalogue for', () => {
    expect(isLocale('es')).toBe(true);
    expect(isLocale('de')).toBe(false);
    expect(isLocale('toString')).toBe(false);
    expect(resolveLocale('fr')).toBe('fr');
    expect(resolveLocale('de')).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(t('ui.lesson.sectionOf', { n: 2, total: 7 })).toBe('Section 2 of 7');
  });
});
