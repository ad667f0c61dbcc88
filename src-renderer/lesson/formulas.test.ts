import katex from 'katex';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCALES, locale } from '../i18n/i18n.svelte';
import { FORMULA_IDS, formulaTex } from './formulas';

describe('display formulas', () => {
  afterEach(() => locale.set('en'));

  it.each(LOCALES)('every formula typesets in %s, its words taken from that catalogue', (code) => {
    locale.set(code);
    for (const id of FORMULA_IDS) {
      const tex = formulaTex(id);
      expect(tex, id).not.toContain('@');
      expect(() => katex.renderToString(tex, { displayMode: true, throwOnError: true }), id).not.toThrow();
    }
  });

  it('sets the words under the parameter braces in the learner’s language', () => {
    expect(formulaTex('params')).toContain(String.raw`\text{read-out}`);
    locale.set('fr');
    expect(formulaTex('params')).toContain(String.raw`\text{couche de sortie}`);
    locale.set('es');
    expect(formulaTex('lstmPath')).toContain(String.raw`\text{camino directo}`);
  });
});
