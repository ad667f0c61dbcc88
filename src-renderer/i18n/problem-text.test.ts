import { afterEach, describe, expect, it } from 'vitest';
import { validatePolicy } from '../../src-shared/protocol/policy';
import { PROBLEM_CODES, problem, problemOf, type Problem } from '../../src-shared/protocol/problem';
import { parseRunFile } from '../../src-shared/protocol/saved-run';
import { taskFromDataset } from '../../src-shared/tasks/user-data';
import { en } from './en';
import { locale } from './i18n.svelte';
import { problemsText, problemText } from './problem-text';

/** Runs of two or more English words (10+ characters) in a problem's English phrase, between its placeholders. */
function englishRuns(code: Problem['code']): string[] {
  return en[`problem.${code}`]
    .split(/\{\w+\}|[()“”"]/)
    .map((f) => f.trim())
    .filter((f) => f.length >= 10 && f.split(/\s+/).filter((w) => /[a-z]{2}/i.test(w)).length >= 2);
}

/** The problem an importer throws for `source`, as the Lab catches it. */
function dataProblem(kind: 'text' | 'csv', source: string): Problem {
  try {
    taskFromDataset({ kind, source }, 1);
  } catch (err) {
    return problemOf(err);
  }
  throw new Error('expected the data to be refused');
}

const rows = (n: number) => Array.from({ length: n }, (_, i) => `a day ${i},${i % 2 ? 'happy' : 'sad'}`);

/** One real problem of each kind, made by the code that reports it. */
const KINDS: [string, () => Problem][] = [
  ['a trainer that hung (supervision)', () => problem('trainer.hung', { seconds: 3.1 }, 'trainer hung: no heartbeat for 3100 ms')],
  ['a trainer that exited', () => problem('trainer.exited', undefined, 'trainer exited (signal SIGKILL)')],
  ['a bad policy value', () => validatePolicy({ saving: 'yes' }).issues[0]],
  ['an unknown policy key', () => validatePolicy({ savng: false }).issues[0]],
  ['a CSV row without its label', () => dataProblem('csv', ['text,label', 'fine day,happy', 'no label here,', ...rows(12)].join('\n'))],
  ['a CSV with an unclosed quote', () => dataProblem('csv', ['text,label', '"fine day,happy', ...rows(12)].join('\n'))],
  ['a text too short to train on', () => dataProblem('text', 'far too short')],
  ['a text with a control character', () => dataProblem('text', `${'abc '.repeat(100)}\u0007`)],
  ['a broken run file', () => (parseRunFile('{"format": "rnnlab-run"') as { problem: Problem }).problem],
  ['a run file of another version', () => (parseRunFile('{"format": "rnnlab-run", "version": 7}') as { problem: Problem }).problem],
  ['an unexpected error', () => problemOf(new Error('IndexedDB transaction aborted'))],
];

describe('problems in the learner’s language', () => {
  afterEach(() => locale.set('en'));

  for (const [what, make] of KINDS) {
    it(`${what}: the French and Spanish renderings hold no English catalogue text and no English detail`, () => {
      const p = make();
      locale.set('en');
      const english = problemText(p);
      for (const l of ['fr', 'es'] as const) {
        locale.set(l);
        const text = problemText(p);
        expect(text, l).not.toBe(english);
        expect(text, l).not.toMatch(/\{\w+\}/);
        for (const run of englishRuns(p.code)) expect(text, `${l}: ${p.code}`).not.toContain(run);
        if (p.detail) expect(text, l).not.toContain(p.detail);
      }
    });
  }

  it('a position in the learner’s data is named in every language, and a count is written the locale’s way', () => {
    const p = dataProblem('csv', ['text,label', 'fine day,happy', 'no label here,', ...rows(12)].join('\n'));
    expect(p).toMatchObject({ code: 'data.csv.missingLabel', params: { line: 3, column: 2, name: 'label' } });
    locale.set('fr');
    expect(problemText(p)).toMatch(/^ligne 3, colonne 2 \(label\)\u00a0: l’étiquette manque/);
    locale.set('fr');
    expect(problemText(problem('data.text.tooLong', { chars: 1_200_000, cap: 1_000_000 }))).toContain('1\u202f200\u202f000');
    locale.set('es');
    expect(problemText(problem('data.text.tooLong', { chars: 1_200_000, cap: 1_000_000 }))).toContain('1.200.000');
  });

  it('several problems are joined with the locale’s separator (a narrow no-break space before « ; » in French)', () => {
    const issues = validatePolicy({ saving: 'yes', savng: false }).issues;
    locale.set('fr');
    expect(problemsText(issues)).toContain('\u202f; «');
  });

  it('every problem code has a sentence in every locale, with the same placeholders', () => {
    for (const code of PROBLEM_CODES) expect(en[`problem.${code}`], code).toBeTruthy();
  });
});
