import * as v from 'valibot';
import { describeIssues } from './documents';
import { problem, ProblemSchema, type Problem, type ProblemCode } from './problem';

/**
 * Machine policy: settings a school's IT staff set for every user of a machine (or of a hosted browser build).
 * The file is JSON; each key is validated on its own, so one bad key is reported and ignored while the valid
 * keys still apply. Where the file lives: `policyPath` (desktop) and `policy.json` beside index.html (browser).
 */

/** Largest policy file read; checked before parsing. A policy is a handful of keys. */
export const MAX_POLICY_BYTES = 64 * 1024;
/** Largest lesson pack a policy may preload (same cap as a pack opened by hand). */
export const MAX_POLICY_PACK_BYTES = 1024 * 1024;

const PRESENTER_THEMES = ['light', 'dark', 'contrast'] as const;

/** One schema per key: a bad value for one key never discards another. */
export const POLICY_KEY_SCHEMAS = {
  /** Interface language on every launch (a locale code the app ships, e.g. "fr"). */
  locale: v.pipe(v.string('must be a language code'), v.regex(/^[a-z]{2}$/, 'must be a two-letter language code such as "fr"')),
  /** When true the learner cannot change the language. */
  lockLocale: v.boolean('must be true or false'),
  /** false removes every outbound reference link and refuses to open any. */
  externalLinks: v.boolean('must be true or false'),
  /** false: no runs are saved on this machine (shared lab PCs). */
  saving: v.boolean('must be true or false'),
  /** A lesson pack preloaded for every user: a file path (desktop) or a URL relative to index.html (browser). */
  lessonPack: v.strictObject(
    {
      path: v.pipe(v.string('path must be text'), v.minLength(1, 'path must not be empty'), v.maxLength(1024, 'path must be at most 1024 characters')),
      /** true: the learner cannot remove or replace the pack. */
      locked: v.optional(v.boolean('locked must be true or false'), false),
    },
    'must be an object with "path" and optionally "locked"',
  ),
  /** What presenter mode starts with. */
  presenter: v.strictObject(
    {
      notes: v.optional(v.boolean('notes must be true or false')),
      largeText: v.optional(v.boolean('largeText must be true or false')),
      theme: v.optional(v.picklist(PRESENTER_THEMES, `theme must be one of: ${PRESENTER_THEMES.join(', ')}`)),
    },
    'must be an object with any of "notes", "largeText", "theme"',
  ),
} as const;

export type PolicyKey = keyof typeof POLICY_KEY_SCHEMAS;
export const POLICY_KEYS = Object.keys(POLICY_KEY_SCHEMAS) as PolicyKey[];

/** The keys that validated; every field is optional (absent = the learner decides). */
export type Policy = { -readonly [K in PolicyKey]?: v.InferOutput<(typeof POLICY_KEY_SCHEMAS)[K]> };

/** A policy as read: the keys that apply, what was wrong with the rest, and where it came from. */
export interface PolicyLoad {
  readonly policy: Policy;
  /** One problem per bad key or unreadable file (a code the renderer words); empty when the file was clean or absent. */
  readonly issues: readonly Problem[];
  /** The file or URL read; null when there is no policy. */
  readonly source: string | null;
  /** Desktop: the text of the preloaded lesson pack, read by main (validated by the renderer like any pack). */
  readonly lessonPackText?: string;
}

export const NO_POLICY: PolicyLoad = { policy: {}, issues: [], source: null };

const MAX_ISSUE_CHARS = 200;
const clip = (s: string) => (s.length > MAX_ISSUE_CHARS ? `${s.slice(0, MAX_ISSUE_CHARS)}…` : s);

/** What a bad value of each key is told: the code whose sentence says what the key expects. */
const BAD_VALUE: Record<PolicyKey, ProblemCode> = {
  locale: 'policy.badLocaleCode',
  lockLocale: 'policy.notBoolean',
  externalLinks: 'policy.notBoolean',
  saving: 'policy.notBoolean',
  lessonPack: 'policy.badLessonPack',
  presenter: 'policy.badPresenter',
};

/** Validate a parsed policy key by key. Unknown keys are reported and ignored. */
export function validatePolicy(raw: unknown): { policy: Policy; issues: Problem[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { policy: {}, issues: [problem('policy.notObject', undefined, 'the policy must be a JSON object of keys; nothing in it was applied')] };
  }
  const policy: Record<string, unknown> = {};
  const issues: Problem[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (!(POLICY_KEYS as string[]).includes(key)) {
      const known = POLICY_KEYS.join(', ');
      issues.push(problem('policy.unknownKey', { key: clip(key), known }, clip(`${key}: not a policy key (known keys: ${known}); ignored`)));
      continue;
    }
    const res = v.safeParse(POLICY_KEY_SCHEMAS[key as PolicyKey], value);
    if (res.success) policy[key] = res.output;
    else issues.push(problem(BAD_VALUE[key as PolicyKey], { key }, clip(`${key}: ${describeIssues(res.issues)}; ignored`)));
  }
  return { policy: policy as Policy, issues };
}

const PolicyLoadShape = v.strictObject({
  policy: v.unknown(),
  issues: v.pipe(v.array(ProblemSchema), v.maxLength(50)),
  source: v.nullable(v.pipe(v.string(), v.maxLength(2048))),
  lessonPackText: v.optional(v.pipe(v.string(), v.maxLength(MAX_POLICY_PACK_BYTES))),
});

/**
 * A policy load as it arrives from main: its shape checked and its policy validated again key by key, so a renderer
 * never applies a value the schemas refuse. A malformed load applies nothing and says so.
 */
export function checkPolicyLoad(raw: unknown): PolicyLoad {
  const shape = v.safeParse(PolicyLoadShape, raw);
  if (!shape.success) return { policy: {}, issues: [problem('policy.unreadable', undefined, `malformed policy reply: ${describeIssues(shape.issues)}`)], source: null };
  const { policy, issues } = validatePolicy(shape.output.policy);
  const { lessonPackText } = shape.output;
  return { policy, issues: [...shape.output.issues, ...issues], source: shape.output.source, ...(lessonPackText !== undefined ? { lessonPackText } : {}) };
}

/** Read a policy file's text: the size cap applies before parsing, and a parse error names its position. */
export function parsePolicyText(text: string, source: string): PolicyLoad {
  if (text.length > MAX_POLICY_BYTES) {
    const kb = MAX_POLICY_BYTES / 1024;
    return { policy: {}, issues: [problem('policy.tooLarge', { kb }, `the policy file is larger than ${kb} KB; nothing in it was applied`)], source };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { policy: {}, issues: [problem('policy.notJson', undefined, clip(`the policy file is not valid JSON (${why}); nothing in it was applied`))], source };
  }
  return { ...validatePolicy(raw), source };
}

/** Why a save is refused under this policy, or null when it may go ahead (enforced by main and the browser backend). */
export function policyRefusesSave(policy: Policy, kind: string): Problem | null {
  const refused = policy.saving === false && (kind === 'runs' || kind.startsWith('run:'));
  return refused ? problem('storage.savingOff', undefined, `not saved: saving runs (${kind}) is turned off on this machine by its administrator`) : null;
}

/** Why an outbound link is refused under this policy, or null when the usual allow-list decides. */
export function policyRefusesLink(policy: Policy): Problem | null {
  return policy.externalLinks === false ? problem('link.turnedOff', undefined, 'outbound links are turned off on this machine by its administrator') : null;
}
