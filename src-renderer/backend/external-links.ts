/** Hosts the lesson may link to. Anything else is refused before it reaches the browser. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'en.wikipedia.org',
  'arxiv.org',
  'www.deeplearningbook.org',
  'colah.github.io',
  'karpathy.github.io',
  'github.com',
];

/** True for an https URL on an allow-listed host, with no credentials in it. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    EXTERNAL_LINK_HOSTS.includes(parsed.hostname)
  );
}
