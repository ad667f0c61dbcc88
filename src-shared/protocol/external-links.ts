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

export type ExternalCheck = { ok: true; url: string } | { ok: false; error: string };

export function checkExternalUrl(raw: string, allowedHosts: readonly string[] = EXTERNAL_HOSTS): ExternalCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: 'not a valid URL' };
  }
  if (url.protocol !== 'https:') return { ok: false, error: `only https links open outside the app (got ${url.protocol})` };
  if (url.username || url.password) return { ok: false, error: 'links with credentials are refused' };
  if (url.port) return { ok: false, error: 'links with a custom port are refused' };
  if (!allowedHosts.includes(url.hostname)) return { ok: false, error: `${url.hostname} is not on the list of allowed sites` };
  return { ok: true, url: url.href };
}

/** True for a link that may open in the system browser (the same rule main enforces). */
export function isAllowedExternalUrl(raw: string): boolean {
  return checkExternalUrl(raw).ok;
}
