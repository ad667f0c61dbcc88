import { MAX_POLICY_PACK_BYTES, NO_POLICY, parsePolicyText, type PolicyLoad } from '../../src-shared/protocol/policy';

/**
 * The browser build's machine policy: `policy.json` beside index.html, put there by whoever hosts the app (a school
 * intranet). Absent means no policy. A static server's "not found" page (HTML, sometimes with status 200 from
 * single-page-app fallbacks) is absent too, never a broken policy.
 */
type FetchLike = (url: string, init?: RequestInit) => Promise<Pick<Response, 'ok' | 'status' | 'headers' | 'text'>>;

async function fetchText(url: string, fetchFn: FetchLike): Promise<{ text: string } | { missing: true } | { error: string }> {
  let res;
  try {
    res = await fetchFn(url, { cache: 'no-cache', credentials: 'same-origin' });
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
  if (res.status === 404) return { missing: true };
  if (!res.ok) return { error: `HTTP ${res.status}` };
  if ((res.headers.get('content-type') ?? '').includes('text/html')) return { missing: true };
  return { text: await res.text() };
}

export async function fetchWebPolicy(base: string, fetchFn: FetchLike = (u, i) => fetch(u, i)): Promise<PolicyLoad> {
  const url = new URL('policy.json', base).href;
  const got = await fetchText(url, fetchFn);
  if ('missing' in got) return NO_POLICY;
  if ('error' in got) return { policy: {}, issues: [`the policy file could not be read (${got.error}); nothing in it was applied`], source: url };
  const load = parsePolicyText(got.text, url);
  const pack = load.policy.lessonPack;
  if (!pack) return load;
  const packUrl = new URL(pack.path, url);
  const drop = (why: string): PolicyLoad => {
    const { lessonPack: _dropped, ...rest } = load.policy;
    return { ...load, policy: rest, issues: [...load.issues, `lessonPack: ${packUrl.href} ${why}; ignored`] };
  };
  if (packUrl.origin !== new URL(url).origin) return drop('is not on this site');
  const packText = await fetchText(packUrl.href, fetchFn);
  if ('missing' in packText) return drop('was not found');
  if ('error' in packText) return drop(`could not be read (${packText.error})`);
  if (packText.text.length > MAX_POLICY_PACK_BYTES) return drop(`is larger than ${MAX_POLICY_PACK_BYTES / 1024} KB`);
  return { ...load, lessonPackText: packText.text };
}
