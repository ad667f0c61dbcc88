import { problem, type Problem } from './problem';

/**
 * Which links may leave the app for the system browser. Only https, only these exact hosts
 * (no subdomain wildcards), no credentials, no custom ports.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'github.com',
  'en.wikipedia.org',
  'fr.wikipedia.org',
  'arxiv.org',
  'colah.github.io',
  'karpathy.github.io',
  'distill.pub',
  'www.deeplearningbook.org',
  'd2l.ai',
  'playground.tensorflow.org',
  'doi.org',
  'pytorch.org',
];

/** The link to open, or why it may not leave the app (the problem's detail is the English reason, for logs). */
export type ExternalCheck = { ok: true; url: string } | { ok: false; problem: Problem };

export function checkExternalUrl(raw: string, allowedHosts: readonly string[] = EXTERNAL_HOSTS): ExternalCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse('link.notUrl', undefined, 'not a valid URL');
  }
  if (url.protocol !== 'https:') return refuse('link.notHttps', { protocol: url.protocol }, `only https links open outside the app (got ${url.protocol})`);
  if (url.username || url.password) return refuse('link.credentials', undefined, 'links with credentials are refused');
  if (url.port) return refuse('link.port', { port: url.port }, 'links with a custom port are refused');
  if (!allowedHosts.includes(url.hostname)) return refuse('link.notAllowed', { host: url.hostname }, `${url.hostname} is not on the list of allowed sites`);
  return { ok: true, url: url.href };
}

function refuse(code: Problem['code'], params: Record<string, string> | undefined, detail: string): ExternalCheck {
  return { ok: false, problem: problem(code, params, detail) };
}

/** True for a link that may open in the system browser (the same rule main enforces). */
export function isAllowedExternalUrl(raw: string): boolean {
  return checkExternalUrl(raw).ok;
}
