import * as v from 'valibot';
import { describeIssues } from './describe-issues';
import { problem, type Problem } from './problem';
import { TrainingConfigSchema, type TrainingConfig } from './training-config';

/**
 * A share link carries a run's config and seed in the URL fragment (never sent to a server), as TensorFlow
 * Playground does: `#share=1.<base64url of the config's JSON>`. The learner's own data is not in it (it can be a
 * megabyte); a run file carries that.
 */
export const SHARE_PREFIX = '#share=';
export const SHARE_VERSION = 1;
/** Longest fragment read: a config is a few hundred characters. */
export const SHARE_MAX_CHARS = 4096;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link holds characters that base64url does not use');
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** The fragment for a config (its dataset left out). */
export function shareFragment(config: TrainingConfig): string {
  const { dataset: _data, ...rest } = config;
  return `${SHARE_PREFIX}${SHARE_VERSION}.${toBase64Url(JSON.stringify(rest))}`;
}

export function isShareFragment(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX);
}

/** Read a share fragment; the error says what is wrong (the field, for a bad config). */
export function parseShareFragment(hash: string): { ok: true; config: TrainingConfig } | { ok: false; problem: Problem } {
  if (!isShareFragment(hash)) return refuse('share.notShare', undefined, 'not a share link');
  if (hash.length > SHARE_MAX_CHARS) {
    return refuse('share.tooLong', { chars: hash.length, cap: SHARE_MAX_CHARS }, `the link is ${hash.length} characters long; the cap is ${SHARE_MAX_CHARS}`);
  }
  const body = hash.slice(SHARE_PREFIX.length);
  const dot = body.indexOf('.');
  const version = dot < 0 ? '' : body.slice(0, dot);
  if (version !== String(SHARE_VERSION)) {
    const found = version.slice(0, 12);
    return refuse('share.wrongVersion', { expected: SHARE_VERSION, found }, `version: expected ${SHARE_VERSION}, found "${found}"`);
  }
  let data: unknown;
  try {
    data = JSON.parse(fromBase64Url(body.slice(dot + 1)));
  } catch (err) {
    return refuse('share.damaged', undefined, `the link is damaged or cut short (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = v.safeParse(v.strictObject({ ...TrainingConfigSchema.entries, dataset: v.optional(v.undefined()) }), data);
  if (!parsed.success) return refuse('share.invalid', undefined, describeIssues(parsed.issues));
  const { dataset: _none, ...config } = parsed.output;
  return { ok: true, config };
}

function refuse(code: Problem['code'], params: Record<string, string | number> | undefined, detail: string): { ok: false; problem: Problem } {
  return { ok: false, problem: problem(code, params, detail) };
}
