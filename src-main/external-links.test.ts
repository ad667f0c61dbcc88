import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp';
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
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows no inline script and no eval', () => {
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|data:|blob:/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/object-src 'none'/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/frame-ancestors 'none'/);
  });
});
