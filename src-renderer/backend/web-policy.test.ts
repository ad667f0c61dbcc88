import { describe, expect, it } from 'vitest';
import { fetchWebPolicy as fetchWith, type PolicyMemo } from './web-policy';
import { problemLogLine } from '../../src-shared/protocol/problem';

function memo(): PolicyMemo & { value: string | null } {
  const m = { value: null as string | null, get: () => m.value, set: (json: string) => void (m.value = json) };
  return m;
}
const fetchWebPolicy = (base: string, fetchFn: Parameters<typeof fetchWith>[1], m: PolicyMemo = memo()) => fetchWith(base, fetchFn, m);

const BASE = 'https://intranet.school.example/rnn-lab/index.html';

function server(files: Record<string, { status?: number; type?: string; body: string }>) {
  const asked: string[] = [];
  const fetchFn = async (url: string) => {
    asked.push(url);
    const f = files[url];
    if (!f) return { ok: false, status: 404, headers: new Headers(), text: async () => 'not found' };
    const status = f.status ?? 200;
    return { ok: status < 400, status, headers: new Headers({ 'content-type': f.type ?? 'application/json' }), text: async () => f.body };
  };
  return { fetchFn, asked };
}

describe('fetchWebPolicy(base)', () => {
  it('reads policy.json beside index.html, under a sub-path', async () => {
    const { fetchFn, asked } = server({ 'https://intranet.school.example/rnn-lab/policy.json': { body: '{"locale":"fr","lockLocale":true}' } });
    const load = await fetchWebPolicy(BASE, fetchFn);
    expect(asked).toEqual(['https://intranet.school.example/rnn-lab/policy.json']);
    expect(load.policy).toEqual({ locale: 'fr', lockLocale: true });
  });

  it('means no policy for a 404 or a single-page-app fallback page', async () => {
    expect((await fetchWebPolicy(BASE, server({}).fetchFn)).source).toBeNull();
    const spa = server({ 'https://intranet.school.example/rnn-lab/policy.json': { type: 'text/html', body: '<!doctype html>' } });
    expect(await fetchWebPolicy(BASE, spa.fetchFn)).toEqual({ policy: {}, issues: [], source: null });
  });

  it('reports a server error instead of failing the start', async () => {
    const { fetchFn } = server({ 'https://intranet.school.example/rnn-lab/policy.json': { status: 500, body: '' } });
    expect(problemLogLine((await fetchWebPolicy(BASE, fetchFn)).issues[0])).toMatch(/could not be read \(HTTP 500\)/);
  });

  it('preloads a lesson pack relative to the policy, and only from the same site', async () => {
    const ok = server({
      'https://intranet.school.example/rnn-lab/policy.json': { body: '{"lessonPack":{"path":"packs/w1.json","locked":true}}' },
      'https://intranet.school.example/rnn-lab/packs/w1.json': { body: '{"pack":1}' },
    });
    expect((await fetchWebPolicy(BASE, ok.fetchFn)).lessonPackText).toBe('{"pack":1}');
    const far = server({ 'https://intranet.school.example/rnn-lab/policy.json': { body: '{"saving":false,"lessonPack":{"path":"https://elsewhere.example/p.json"}}' } });
    const load = await fetchWebPolicy(BASE, far.fetchFn);
    expect(load.policy).toEqual({ saving: false });
    expect(problemLogLine(load.issues[0])).toMatch(/is not on this site; ignored/);
    expect(far.asked).toHaveLength(1);
  });

  it('applies the last policy seen when the host cannot be reached (offline), and no policy when none was seen', async () => {
    const m = memo();
    const online = server({
      'https://intranet.school.example/rnn-lab/policy.json': { body: '{"locale":"fr","lockLocale":true,"lessonPack":{"path":"p.json"}}' },
      'https://intranet.school.example/rnn-lab/p.json': { body: '{"pack":1}' },
    });
    await fetchWebPolicy(BASE, online.fetchFn, m);
    const offline = async () => Promise.reject(new TypeError('Failed to fetch'));
    const load = await fetchWebPolicy(BASE, offline, m);
    expect(load.policy).toEqual({ locale: 'fr', lockLocale: true, lessonPack: { path: 'p.json', locked: false } });
    expect(load.lessonPackText).toBe('{"pack":1}');
    expect(load.issues).toEqual([]);
    expect(await fetchWebPolicy(BASE, offline, memo())).toEqual({ policy: {}, issues: [], source: null });
  });

  it('forgets a policy the host has since removed', async () => {
    const m = memo();
    await fetchWebPolicy(BASE, server({ 'https://intranet.school.example/rnn-lab/policy.json': { body: '{"saving":false}' } }).fetchFn, m);
    await fetchWebPolicy(BASE, server({}).fetchFn, m);
    expect((await fetchWebPolicy(BASE, async () => Promise.reject(new TypeError('offline')), m)).policy).toEqual({});
  });
});
