import * as v from 'valibot';

/**
 * A problem the learner is told about, as data: a code the renderer turns into a sentence of the learner's language
 * (catalogue key `problem.<code>`), the values that sentence names, and an English detail for the console and logs
 * only (an exception's message, a schema path), so IT can see exactly what failed without the learner reading it.
 */
export const PROBLEM_CODES = [
  // The trainer process or worker (supervision).
  'trainer.exited',
  'trainer.spawnFailed',
  'trainer.hung',
  'trainer.noStart',
  // The trainer refusing what it was sent (its 'error' event).
  'trainer.badConfig',
  'trainer.badMessage',
  'trainer.protocol',
  // Saving and loading the learner's documents (the desktop's data folder, the browser's IndexedDB).
  'storage.locked',
  'storage.full',
  'storage.readOnly',
  'storage.denied',
  'storage.notFolder',
  'storage.systemError',
  'storage.failed',
  'storage.tooLarge',
  'storage.fileTooLarge',
  'storage.notJson',
  'storage.invalid',
  'storage.unreadable',
  'storage.missing',
  'storage.notMovedAside',
  'storage.savingOff',
  // The machine policy a school's IT staff set.
  'policy.unreadable',
  'policy.tooLarge',
  'policy.notJson',
  'policy.notObject',
  'policy.unknownKey',
  'policy.notBoolean',
  'policy.badLocaleCode',
  'policy.badLessonPack',
  'policy.badPresenter',
  'policy.unknownLocale',
  'policy.packUnreadable',
  'policy.packInvalid',
  // The learner's own text or CSV.
  'data.fileTooBig',
  'data.text.tooLong',
  'data.text.tooShort',
  'data.text.tooManyChars',
  'data.text.badChar',
  'data.text.undecodable',
  'data.csv.tooLong',
  'data.csv.badChar',
  'data.csv.undecodable',
  'data.csv.unclosedQuote',
  'data.csv.textAfterQuote',
  'data.csv.quoteInField',
  'data.csv.empty',
  'data.csv.badHeader',
  'data.csv.tooManyRows',
  'data.csv.tooFewRows',
  'data.csv.tooManyFields',
  'data.csv.missingText',
  'data.csv.tooManyWords',
  'data.csv.missingLabel',
  'data.csv.missingTags',
  'data.csv.tagCount',
  'data.csv.labelTooLong',
  'data.csv.oneLabel',
  'data.csv.tooManyLabels',
  'data.fileUnreadable',
  // A run file being imported.
  'runFile.tooLarge',
  'runFile.notJson',
  'runFile.notObject',
  'runFile.wrongFormat',
  'runFile.wrongVersion',
  'runFile.invalid',
  'runFile.notWritten',
  // An outbound link (the lesson's references) refused.
  'link.turnedOff',
  'link.notUrl',
  'link.notHttps',
  'link.credentials',
  'link.port',
  'link.notAllowed',
  // Presenter mode's second screen.
  'presenter.notPresenter',
  // A Gradients experiment or quiz run that the trainer host refused or that failed.
  'job.badRequest',
  'job.failed',
  // A share link in the address.
  'share.notShare',
  'share.tooLong',
  'share.wrongVersion',
  'share.damaged',
  'share.invalid',
  // Anything not foreseen: the sentence says so and points to the console.
  'unexpected',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Values a problem's sentence names: counts and positions as numbers (the renderer formats them), names as text. */
export type ProblemParams = Readonly<Record<string, string | number>>;

export interface Problem {
  readonly code: ProblemCode;
  readonly params?: ProblemParams;
  /** English, for the console or log line only; never shown to the learner. */
  readonly detail?: string;
}

const MAX_PARAM_CHARS = 300;
const MAX_DETAIL_CHARS = 500;

/** A problem as it crosses a process boundary (IPC, a worker message): known code, short values, bounded detail. */
export const ProblemSchema = v.strictObject({
  code: v.picklist(PROBLEM_CODES, 'unknown problem code'),
  params: v.optional(
    v.pipe(
      v.record(v.pipe(v.string(), v.maxLength(40)), v.union([v.pipe(v.string(), v.maxLength(MAX_PARAM_CHARS)), v.pipe(v.number(), v.finite())])),
      v.check((r) => Object.keys(r).length <= 12, 'at most 12 problem parameters'),
    ),
  ),
  detail: v.optional(v.pipe(v.string(), v.maxLength(MAX_DETAIL_CHARS))),
});

/** Build a problem, clipping long text values and the detail so the result always passes ProblemSchema. */
export function problem(code: ProblemCode, params?: ProblemParams, detail?: string): Problem {
  const clipped = params
    ? Object.fromEntries(Object.entries(params).map(([k, value]) => [k, typeof value === 'string' ? clipText(value, MAX_PARAM_CHARS) : value]))
    : undefined;
  return {
    code,
    ...(clipped ? { params: clipped } : {}),
    ...(detail !== undefined ? { detail: clipText(detail, MAX_DETAIL_CHARS) } : {}),
  };
}

/** An error that carries its problem: thrown by the importers, caught and shown by the renderer. */
export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(p: Problem) {
    super(problemLogLine(p));
    this.name = 'ProblemError';
    this.problem = p;
  }
}

/** Throw a problem (its English detail is the error's message, as logs and tests read it). */
export function fail(code: ProblemCode, params: ProblemParams | undefined, detail: string): never {
  throw new ProblemError(problem(code, params, detail));
}

/** The problem an unknown thrown value stands for: its own, or 'unexpected' with the message as detail. */
export function problemOf(err: unknown): Problem {
  if (err instanceof ProblemError) return err.problem;
  return problem('unexpected', undefined, err instanceof Error ? err.message : String(err));
}

/** One English line for the console or a log: the detail when there is one, else the code and its values. */
export function problemLogLine(p: Problem): string {
  if (p.detail) return p.detail;
  const params = p.params && Object.keys(p.params).length > 0 ? ` ${JSON.stringify(p.params)}` : '';
  return `${p.code}${params}`;
}

function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
