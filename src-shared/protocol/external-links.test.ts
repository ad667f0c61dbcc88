import { describe, expect, it } from 'vitest';
import { checkExternalUrl } from './external-links';

describe('checkExternalUrl(url, allowedHosts)', () => {
  const hosts = ['distill.pub', 'en.wikipedia.org'];

  it('allows https links to listed hosts, normalised', () => {
    expect(checkExternalUrl('https://distill.pub/2019/memorization-in-rnns/', hosts)).toEqual({
      ok: true,
      url: 'https://distill.pub/2019/memorization-in-rnns/',
    });
    expect(checkExternalUrl('HTTPS://EN.Wikipedia.org/wiki/Recurrent_neural_network', hosts)).toMatchObject({ ok: true });
  });

  it('refuses other schemes, hosts, lookalikes, credentials and ports', () => {
    for (const url of [
      'http://distill.pub/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://rnn-lab/index.html',
      'smb://distill.pub/share',
      'https://evil.example/',
      'https://distill.pub.evil.example/',
      'https://sub.distill.pub/',
      'https://user:pw@distill.pub/',
      'https://distill.pub:8443/',
      'not a url',
    ]) {
      expect(checkExternalUrl(url, hosts).ok, url).toBe(false);
    }
  });

  it('says why as a problem: a code the page words, the values it names, the English reason as the detail', () => {
    const why = (url: string) => {
      const c = checkExternalUrl(url, hosts);
      return c.ok ? null : c.problem;
    };
    expect(why('not a url')).toEqual({ code: 'link.notUrl', detail: 'not a valid URL' });
    expect(why('http://distill.pub/')).toEqual({ code: 'link.notHttps', params: { protocol: 'http:' }, detail: 'only https links open outside the app (got http:)' });
    expect(why('https://user:pw@distill.pub/')?.code).toBe('link.credentials');
    expect(why('https://distill.pub:8443/')).toMatchObject({ code: 'link.port', params: { port: '8443' } });
    expect(why('https://evil.example/')).toMatchObject({ code: 'link.notAllowed', params: { host: 'evil.example' } });
  });
});
