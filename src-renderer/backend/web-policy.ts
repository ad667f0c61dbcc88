import { MAX_POLICY_PACK_BYTES, NO_POLICY, parsePolicyText, type PolicyLoad } from '../../src-shared/protocol/policy';
import { problem } from '../../src-shared/protocol/problem';

/**
 * The browser build's machine policy: `policy.json` beside index.html, put there by whoever hosts the app (a school
 * intranet). Absent means no policy. A static server's "not found" page (HTML, sometimes with status 200 from
 * single-page-app fallbacks) is absent too, never a broken policy.
 */
type FetchLike = (url: string, init?: RequestInit) => Promise<Pick<Response, 'ok' | 'status' | 'headers' | 'text'>>;

type Fetched = { text: string } | { missing: true } | { error: string } | { unreachable: true };

async function fetchText(url: string, fetchFn: FetchLike): Promise<Fetched> {
  let res;
  try {
    res = await fetchFn(url, { cache: 'no-cache', credentials: 'same-origin' });
  } catch {
    return { unreachable: true }; // offline: not a broken policy
  }
  if (res.status === 404) return { missing: true };
  if (!res.ok) return { error: `HTTP ${res.status}` };
  if ((res.headers.get('content-type') ?? '').includes('text/html')) return { missing: true };
  return { text: await res.text() };
}

/** Where the last policy seen is kept, so it still applies on an offline start (a locked language stays locked). */
export interface PolicyMemo {
  get(): string | null;
  set(json: string): void;
}

const MEMO_KEY = 'rnn-lab.policy';
export const localStorageMemo: PolicyMemo = {
  get: () => {
    try {
      return localStorage.getItem(MEMO_KEY);
    } catch {
      return null;
    }
  },
  set: (json) => {
    try {
      localStorage.setItem(MEMO_KEY, json);
    } catch {
      /* storage full or disabled: the policy still applies to this load */
    }
  },
};

function remembered(memo: PolicyMemo): PolicyLoad {
  const json = memo.get();
  if (!json) return NO_POLICY;
  try {
    const load = JSON.parse(json) as { text?: unknown; source?: unknown; packText?: unknown };
    if (typeof load.text !== 'string' || typeof load.source !== 'string') return NO_POLICY;
    const parsed = parsePolicyText(load.text, load.source);
    return typeof load.packText === 'string' ? { ...parsed, lessonPackText: load.packText } : parsed;
  } catch {
    return NO_POLICY;
  }
}

/**
 * Fetch and validate the host's policy. Unreachable (offline): the last policy this browser saw, validated again.
 */
export async function fetchWebPolicy(base: string, fetchFn: FetchLike = (u, i) => fetch(u, i), memo: PolicyMemo = localStorageMemo): Promise<PolicyLoad> {
  const load = await fetchFresh(base, fetchFn);
  if (load === 'unreachable') return remembered(memo);
  memo.set(load.source === null ? '' : JSON.stringify({ text: load.text, source: load.source, packText: load.load.lessonPackText }));
  return load.load;
}

type Fresh = { load: PolicyLoad; text: string; source: string } | { load: PolicyLoad; text: ''; source: null };

async function fetchFresh(base: string, fetchFn: FetchLike): Promise<Fresh | 'unreachable'> {
  const url = new URL('policy.json', base).href;
  const got = await fetchText(url, fetchFn);
  if ('unreachable' in got) return 'unreachable';
  if ('missing' in got) return { load: NO_POLICY, text: '', source: null };
  const done = (load: PolicyLoad): Fresh => ({ load, text: 'text' in got ? got.text : '', source: url });
  if ('error' in got) {
    return done({ policy: {}, issues: [problem('policy.unreadable', undefined, `the policy file could not be read (${got.error}); nothing in it was applied`)], source: url });
  }
  const load = parsePolicyText(got.text, url);
  const pack = load.policy.lessonPack;
  if (!pack) return done(load);
  const packUrl = new URL(pack.path, url);
  const drop = (why: string): Fresh => {
    const { lessonPack: _dropped, ...rest } = load.policy;
    const issue = problem('policy.packUnreadable', { path: packUrl.href }, `lessonPack: ${packUrl.href} ${why}; ignored`);
    return done({ ...load, policy: rest, issues: [...load.issues, issue] });
  };
  if (packUrl.origin !== new URL(url).origin) return drop('is not on this site');
  const packText = await fetchText(packUrl.href, fetchFn);
  if ('unreachable' in packText) return drop('could not be reached');
  if ('missing' in packText) return drop('was not found');
  if ('error' in packText) return drop(`could not be read (${packText.error})`);
  if (packText.text.length > MAX_POLICY_PACK_BYTES) return drop(`is larger than ${MAX_POLICY_PACK_BYTES / 1024} KB`);
  return done({ ...load, lessonPackText: packText.text });
}
