import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyOverride, userDataOverride } from './data-location';

describe('userDataOverride(env, packaged)', () => {
  it('keeps the portable build’s data beside the .exe', () => {
    expect(userDataOverride({ PORTABLE_EXECUTABLE_DIR: '/media/usb' }, true)).toBe(path.join('/media/usb', 'RNN Lab Data'));
  });

  it('honours the test folder only when unpackaged, and never lets it override a packaged install', () => {
    expect(userDataOverride({ RNN_LAB_USER_DATA: '/tmp/p' }, false)).toBe('/tmp/p');
    expect(userDataOverride({ RNN_LAB_USER_DATA: '/tmp/p' }, true)).toBeNull();
    expect(userDataOverride({}, true)).toBeNull();
  });
});

describe('policyOverride(env, packaged)', () => {
  it('lets tests point at a policy file, never a packaged app (a learner must not escape the school policy)', () => {
    expect(policyOverride({ RNN_LAB_POLICY: '/tmp/policy.json' }, false)).toBe('/tmp/policy.json');
    expect(policyOverride({ RNN_LAB_POLICY: '/tmp/policy.json' }, true)).toBeNull();
  });
});
