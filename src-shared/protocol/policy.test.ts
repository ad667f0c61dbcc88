import { describe, expect, it } from 'vitest';
import { MAX_POLICY_BYTES, parsePolicyText, policyRefusesLink, policyRefusesSave, validatePolicy } from './policy';
import { problemLogLine } from './problem';

describe('validatePolicy(raw)', () => {
  it('keeps every valid key of a complete policy', () => {
    const raw = {
      locale: 'fr',
      lockLocale: true,
      externalLinks: false,
      saving: false,
      lessonPack: { path: 'packs/week1.json', locked: true },
      presenter: { notes: true, largeText: true, theme: 'contrast' },
    };
    expect(validatePolicy(raw)).toEqual({ policy: raw, issues: [] });
  });

  it('ignores a bad key on its own, names it, and still applies the valid keys', () => {
    const { policy, issues } = validatePolicy({ locale: 'fr', lockLocale: 'yes', externalLinks: false });
    expect(policy).toEqual({ locale: 'fr', externalLinks: false });
    expect(issues).toHaveLength(1);
    expect(problemLogLine(issues[0])).toMatch(/^lockLocale: must be true or false; ignored$/);
  });

  it('reports unknown keys (a typo must not pass silently) and a nested bad field by its path', () => {
    const { policy, issues } = validatePolicy({ externalLink: false, presenter: { theme: 'neon' }, lessonPack: { path: '' } });
    expect(policy).toEqual({});
    expect(issues.map(problemLogLine).join('\n')).toMatch(/externalLink: not a policy key/);
    expect(issues.map(problemLogLine).join('\n')).toMatch(/presenter: theme: theme must be one of: light, dark, contrast/);
    expect(issues.map(problemLogLine).join('\n')).toMatch(/lessonPack: path: path must not be empty/);
  });

  it('defaults lessonPack.locked to false', () => {
    expect(validatePolicy({ lessonPack: { path: 'p.json' } }).policy.lessonPack).toEqual({ path: 'p.json', locked: false });
  });

  it('applies nothing from a value that is not an object', () => {
    for (const raw of [null, [], 'fr', 3]) expect(validatePolicy(raw).policy).toEqual({});
  });

  it('truncates an issue that would quote a huge value', () => {
    const { issues } = validatePolicy({ ['x'.repeat(10_000)]: 1 });
    expect(problemLogLine(issues[0]).length).toBeLessThanOrEqual(201);
    expect(String(issues[0].params?.key).length).toBeLessThanOrEqual(201);
  });
});

describe('parsePolicyText(text, source)', () => {
  it('caps the size before parsing', () => {
    const load = parsePolicyText(`{"locale":"fr"${' '.repeat(MAX_POLICY_BYTES)}}`, 'p');
    expect(load.policy).toEqual({});
    expect(problemLogLine(load.issues[0])).toMatch(/larger than 64 KB/);
  });

  it('names the JSON error and applies nothing', () => {
    const load = parsePolicyText('{"locale": "fr",', '/etc/rnn-lab/policy.json');
    expect(load.policy).toEqual({});
    expect(problemLogLine(load.issues[0])).toMatch(/not valid JSON/);
    expect(load.source).toBe('/etc/rnn-lab/policy.json');
  });

  it('accepts a UTF-8 byte-order mark, as Windows editors write it', () => {
    expect(parsePolicyText('\uFEFF{"saving": false}', 'p').policy).toEqual({ saving: false });
  });
});

describe('enforcement helpers', () => {
  it('refuse saving runs only when saving is false, and links only when externalLinks is false', () => {
    expect(policyRefusesSave({ saving: false }, 'runs')).toMatchObject({ code: 'storage.savingOff', detail: expect.stringMatching(/turned off/) });
    expect(policyRefusesSave({ saving: false }, 'settings')).toBeNull();
    expect(policyRefusesSave({}, 'runs')).toBeNull();
    expect(policyRefusesLink({ externalLinks: false })).toMatchObject({ code: 'link.turnedOff', detail: expect.stringMatching(/turned off/) });
    expect(policyRefusesLink({ externalLinks: true })).toBeNull();
  });
});
