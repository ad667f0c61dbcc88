import { afterEach, describe, expect, it } from 'vitest';
import { validatePolicy } from '../../src-shared/protocol/policy';
import { PROBLEM_CODES, problem, problemOf, type Problem } from '../../src-shared/protocol/problem';
import { parseRunFile } from '../../src-shared/protocol/saved-run';
import { taskFromDataset } from '../../src-shared/tasks/user-data';
import { en } from './en';
import { locale } from './i18n.svelte';
import { problemsText, problemText } from './problem-text';
import { policyRefusesLink, policyRefusesSave } from '../../src-shared/protocol/policy';
import { checkExternalUrl } from '../../src-shared/protocol/external-links';
import type { JobEvent } from '../../src-shared/protocol/job-messages';
import { parseShareFragment, shareFragment } from '../../src-shared/protocol/share-link';
import { JobRunner } from '../../src-shared/jobs/job-runner';
import { storageProblemOf, storageTooLarge } from '../../src-shared/protocol/storage-problem';
import type { TrainerEvent } from '../../src-shared/protocol/trainer-events';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import { createTrainingSession } from '../../src-shared/session/training-session';
import { lookup } from './i18n.svelte';
import type { MessageKey } from './en';

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

/** The problem the trainer host answers a malformed job command with. */
function jobRefusal(): Problem {
  const events: JobEvent[] = [];
  new JobRunner((e) => events.push(e)).handle({ type: 'job', command: { type: 'start', id: 1, request: { type: 'race', steps: -1 } } });
  const error = events.find((e) => e.type === 'error');
  if (error?.type !== 'error') throw new Error('expected the job to be refused');
  return error.problem;
}

function refusal(r: { ok: true } | { ok: false; problem: Problem }): Problem {
  if (r.ok) throw new Error('expected a refusal');
  return r.problem;
}

/** Problems that reach a sentence from an action: a link, the second screen, a job, a share link. */
const ACTION_KINDS: [string, () => Problem][] = [
  ['links turned off by the school', () => policyRefusesLink({ externalLinks: false })!],
  ['a link that is not https', () => refusal(checkExternalUrl('http://distill.pub/'))],
  ['a link to a site not on the list', () => refusal(checkExternalUrl('https://evil.example/'))],
  ['a link with a custom port', () => refusal(checkExternalUrl('https://distill.pub:8443/'))],
  ['a link with credentials', () => refusal(checkExternalUrl('https://user:pw@distill.pub/'))],
  ['a link that is not a URL', () => refusal(checkExternalUrl('not a url'))],
  ['a second screen asked for by another window', () => problem('presenter.notPresenter', undefined, 'only the presenter window can open the audience window')],
  ['a job command the trainer host refuses', jobRefusal],
  ['a job that failed', () => problem('job.failed', undefined, 'Cannot read properties of undefined (reading \'length\')')],
  ['a share link cut short', () => refusal(parseShareFragment('#share=1.eyJjZWxsIjoi'))],
  ['a share link of another version', () => refusal(parseShareFragment('#share=7.e30'))],
  ['a share link too long', () => refusal(parseShareFragment(`#share=1.${'A'.repeat(5000)}`))],
  ['a share link with settings out of range', () => refusal(parseShareFragment(shareFragment({ ...DEFAULT_CONFIG, hiddenSize: 100_000 })))],
];

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
  // Links, the second screen, jobs and share links: what main, the trainer host and the page report.
  ...ACTION_KINDS,
  // Saving and loading: what the desktop's file system and the browser's IndexedDB report, through the stores' mapping.
  ['a full disk (desktop)', () => storageProblemOf(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }), 'could not save settings')],
  ['a read-only disk (desktop)', () => storageProblemOf(Object.assign(new Error('EROFS: read-only file system, open'), { code: 'EROFS' }), 'could not save quiz')],
  ['a system error the stores did not foresee', () => storageProblemOf(Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' }), 'could not save runs')],
  ['a full browser storage (IndexedDB)', () => storageProblemOf(new DOMException('The quota has been exceeded.', 'QuotaExceededError'), 'could not save run:a in IndexedDB')],
  ['an IndexedDB error', () => storageProblemOf(new DOMException('The transaction was aborted.', 'AbortError'), 'could not save progress in IndexedDB')],
  ['a document over the size cap', () => storageTooLarge('run:big', 5_000_000)],
  ['saving runs turned off by the school', () => policyRefusesSave({ saving: false }, 'runs')!],
  ['a settings file that is not JSON', () => problem('storage.notJson', undefined, 'settings.json is not valid JSON (Unexpected end of JSON input)')],
  ['a document that fails its schema', () => problem('storage.invalid', undefined, 'progress.json does not match the progress format: currentSection: expected string')],
  ['a data folder another RNN Lab holds', () => problem('storage.locked', undefined, 'another RNN Lab is using this data folder (process 4242); changes are not saved')],
  // The trainer's 'error' event: a config it cannot build, a command it refuses.
  ['a config the trainer cannot build', () => trainerError({ type: 'configure', config: { ...DEFAULT_CONFIG, task: 'memory', taskParams: { k: 100_000 } } })],
  ['a command the trainer refuses', () => trainerError({ type: 'start' })],
];

/** The problem of the 'error' event a fresh training session answers `command` with. */
function trainerError(command: unknown): Problem {
  const events: TrainerEvent[] = [];
  const session = createTrainingSession((e) => events.push(e));
  session.handle(command);
  session.dispose();
  const error = events.find((e) => e.type === 'error');
  if (error?.type !== 'error') throw new Error('expected the trainer to refuse it');
  return error.problem;
}

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

  it('a count of one in the learner’s data reads right in every language: no “1 rows” or “1 characters”', () => {
    const oneRow = dataProblem('csv', 'text,label\nfine day,happy');
    const oneChar = dataProblem('text', 'a');
    const oneTag = dataProblem('csv', ['text,tags', 'a cat sat,DET', ...Array.from({ length: 12 }, () => 'a cat,DET NOUN')].join('\n'));
    expect([oneRow, oneChar, oneTag].map((p) => [p.code, p.params?.rows ?? p.params?.chars ?? p.params?.tags])).toEqual([
      ['data.csv.tooFewRows', 1], ['data.text.tooShort', 1], ['data.csv.tagCount', 1],
    ]);
    const wrong = /\b1 (rows|characters|tags|lignes|caractères|étiquettes|filas|caracteres|etiquetas)\b/;
    for (const l of ['en', 'fr', 'es'] as const) {
      locale.set(l);
      for (const p of [oneRow, oneChar, oneTag]) {
        expect(problemText(p), `${l} ${p.code}`).not.toMatch(wrong);
        expect(problemText(p), `${l} ${p.code}`).toMatch(/\(1\)|\(longitud 1\)|\(longueur 1\)|\(length 1\)/);
      }
    }
  });

  it('several problems are joined with the locale’s separator (a narrow no-break space before « ; » in French)', () => {
    const issues = validatePolicy({ saving: 'yes', savng: false }).issues;
    locale.set('fr');
    expect(problemsText(issues)).toContain('\u202f; «');
  });

  it('a storage or trainer problem inside each sentence that names one reads in French and Spanish with no English detail', () => {
    // Every notice or status line a failed save or load, or a refused config, is worded into.
    const sentences: [MessageKey, Record<string, string>][] = [
      ['app.settingsNotSaved', {}], ['app.settingsUnreadable', {}], ['app.quarantined.restored', { what: 'x', movedTo: 'y' }],
      ['app.quarantined.defaults', { what: 'x', movedTo: 'y' }], ['ui.runs.loadFailed', {}], ['ui.runs.writeFailed', {}],
      ['ui.lesson.saveFailed', {}], ['ui.lesson.loadFailed', {}], ['ui.quiz.saveFailed', {}], ['ui.storage.unwritable', {}],
      ['ui.lab.status.error', {}],
    ];
    const problems = KINDS.slice(-12).map(([, make]) => make());
    expect(problems.map((p) => p.code)).toEqual([
      'storage.full', 'storage.readOnly', 'storage.systemError', 'storage.full', 'storage.failed', 'storage.tooLarge',
      'storage.savingOff', 'storage.notJson', 'storage.invalid', 'storage.locked', 'trainer.badConfig', 'trainer.badMessage',
    ]);
    for (const p of problems) {
      expect(p.detail, p.code).toBeTruthy();
      for (const l of ['fr', 'es'] as const) {
        locale.set(l);
        const phrase = problemText(p);
        for (const [key, vars] of sentences) {
          const text = lookup(l, key, { ...vars, error: phrase, why: phrase });
          expect(text, `${l} ${key} ${p.code}`).toContain(phrase);
          expect(text, `${l} ${key} ${p.code}`).not.toContain(p.detail!);
          for (const run of englishRuns(p.code)) expect(text, `${l} ${key}: ${p.code}`).not.toContain(run);
        }
      }
    }
  });

  it('a link, second-screen, job or share-link problem inside its sentence reads in French and Spanish with no English detail', () => {
    const sentences: MessageKey[] = [
      'ui.refs.blocked', 'ui.present.audienceFailed', 'ui.runs.shareBad', 'grad.race.stopped', 'attrib.compare.stopped',
      'ui.jobs.interrupted', 'ui.quiz.runFailed', 'ui.quiz.runInterrupted',
    ];
    const problems = ACTION_KINDS.map(([, make]) => make());
    expect(new Set(problems.map((p) => p.code.split('.')[0]))).toEqual(new Set(['link', 'presenter', 'job', 'share']));
    for (const p of problems) {
      expect(p.detail, p.code).toBeTruthy();
      for (const l of ['fr', 'es'] as const) {
        locale.set(l);
        const phrase = problemText(p);
        for (const key of sentences) {
          const text = lookup(l, key, { error: phrase, reason: phrase });
          expect(text, `${l} ${key} ${p.code}`).toContain(phrase);
          expect(text, `${l} ${key} ${p.code}`).not.toContain(p.detail!);
          for (const run of englishRuns(p.code)) expect(text, `${l} ${key}: ${p.code}`).not.toContain(run);
        }
      }
    }
  });

  it('every problem code has a sentence in every locale, with the same placeholders', () => {
    for (const code of PROBLEM_CODES) expect(en[`problem.${code}`], code).toBeTruthy();
  });
});
