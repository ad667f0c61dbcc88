import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isTrustedSender } from './app-origin';

const top = (frameUrl: string | null) => ({ frameUrl, isTopFrame: true });

describe('isTrustedSender(sender, devServerUrl)', () => {
  it('trusts our own top frame on app://rnn-lab', () => {
    expect(isTrustedSender(top(APP_ENTRY_URL))).toBe(true);
    expect(isTrustedSender(top('app://rnn-lab/index.html#/lab'))).toBe(true);
  });

  it('refuses subframes, vanished frames and other origins', () => {
    expect(isTrustedSender({ frameUrl: APP_ENTRY_URL, isTopFrame: false })).toBe(false);
    expect(isTrustedSender(top(null))).toBe(false);
    expect(isTrustedSender(top('app://other/index.html'))).toBe(false);
    expect(isTrustedSender(top('app://rnn-lab.evil.com/index.html'))).toBe(false);
    expect(isTrustedSender(top('https://rnn-lab/index.html'))).toBe(false);
    expect(isTrustedSender(top('file:///opt/rnn-lab/index.html'))).toBe(false);
    expect(isTrustedSender(top('app://user:pw@rnn-lab/index.html'))).toBe(false);
    expect(isTrustedSender(top('garbage'))).toBe(false);
  });

  it('trusts the dev server only when one is configured, and only its exact origin', () => {
    expect(isTrustedSender(top('http://localhost:5173/'))).toBe(false);
    expect(isTrustedSender(top('http://localhost:5173/'), 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender(top('http://localhost:5174/'), 'http://localhost:5173')).toBe(false);
    expect(isTrustedSender(top('https://localhost:5173/'), 'http://localhost:5173')).toBe(false);
  });
});
