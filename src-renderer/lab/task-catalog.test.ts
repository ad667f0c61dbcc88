import { afterEach, describe, expect, it } from 'vitest';
import { TASK_SPECS } from '../../src-shared/tasks/index';
import { en } from '../i18n/en';
import { locale } from '../i18n/i18n.svelte';
import { displayOutput, exampleLang, taskBlurb, taskDataNote, taskParamLabel, taskTitle } from './task-catalog';

afterEach(() => locale.set('en'));

describe('the bundled tasks in the learner’s language', () => {
  it('every task has a catalogue title and blurb, and every knob a label', () => {
    for (const spec of Object.values(TASK_SPECS)) {
      expect(`task.${spec.id}.title` in en, spec.id).toBe(true);
      expect(`task.${spec.id}.blurb` in en, spec.id).toBe(true);
      for (const p of spec.params) expect(`task.${spec.id}.param.${p.key}` in en, `${spec.id}.${p.key}`).toBe(true);
    }
  });

  it('the English catalogue says what the task specs say, so the two cannot drift apart', () => {
    for (const spec of Object.values(TASK_SPECS)) {
      expect(taskTitle(spec.id)).toBe(spec.title);
      expect(taskBlurb(spec.id)).toBe(spec.blurb);
      for (const p of spec.params) expect(taskParamLabel(spec.id, p.key)).toBe(p.label);
    }
  });

  it('switches with the locale', () => {
    locale.set('fr');
    expect(taskTitle('sentiment')).toBe('Avis sur des films');
    expect(taskParamLabel('memory', 'k')).toBe('Chiffres à traverser');
    locale.set('es');
    expect(taskTitle('char-lm')).toBe('Siguiente carácter (Jane Austen)');
  });

  it('says where the data set is English, and marks those examples as English text', () => {
    locale.set('fr');
    expect(taskDataNote('sentiment')).toMatch(/en anglais/);
    expect(taskDataNote('melody')).toBeNull();
    expect(exampleLang('sentiment', 'input')).toBe('en');
    expect(exampleLang('sentiment', 'output')).toBeUndefined();
    expect(exampleLang('memory', 'input')).toBeUndefined();
  });

  it('translates the class names the app chose and the end marker, not the data', () => {
    locale.set('fr');
    expect(displayOutput('sentiment', 'positive')).toBe('positif');
    expect(displayOutput('number-words', '2 0 5 <eos>')).toBe('2 0 5 ⟨fin⟩');
    expect(displayOutput('pos-tagging', 'DET NOUN VERB')).toBe('DET NOUN VERB');
  });
});
