import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyPath, readPolicyFile } from './policy-file';
import { problemLogLine } from '../src-shared/protocol/problem';

const dir = () => mkdtempSync(path.join(tmpdir(), 'rnn-policy-'));

describe('policyPath(platform, env)', () => {
  it('is the documented machine-wide location on each platform', () => {
    expect(policyPath('linux', {})).toBe('/etc/rnn-lab/policy.json');
    expect(policyPath('win32', { ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\RNN Lab\\policy.json');
    expect(policyPath('win32', {})).toBe('C:\\ProgramData\\RNN Lab\\policy.json');
    expect(policyPath('darwin', {})).toBe('/Library/Application Support/RNN Lab/policy.json');
  });
});

describe('readPolicyFile(file)', () => {
  it('means no policy when the file is absent', async () => {
    expect(await readPolicyFile(path.join(dir(), 'policy.json'))).toEqual({ policy: {}, issues: [], source: null });
  });

  it('reads the keys and preloads a lesson pack named relative to the policy folder', async () => {
    const d = dir();
    mkdirSync(path.join(d, 'packs'));
    writeFileSync(path.join(d, 'packs', 'week1.json'), '{"format":"rnn-lab-lesson-pack"}');
    writeFileSync(path.join(d, 'policy.json'), JSON.stringify({ locale: 'fr', lessonPack: { path: 'packs/week1.json', locked: true } }));
    const load = await readPolicyFile(path.join(d, 'policy.json'));
    expect(load.policy).toEqual({ locale: 'fr', lessonPack: { path: 'packs/week1.json', locked: true } });
    expect(load.lessonPackText).toBe('{"format":"rnn-lab-lesson-pack"}');
    expect(load.issues).toEqual([]);
  });

  it('drops a lesson pack it cannot read, says why, and keeps the other keys', async () => {
    const d = dir();
    writeFileSync(path.join(d, 'policy.json'), JSON.stringify({ saving: false, lessonPack: { path: 'missing.json' } }));
    const load = await readPolicyFile(path.join(d, 'policy.json'));
    expect(load.policy).toEqual({ saving: false });
    expect(problemLogLine(load.issues[0])).toMatch(/^lessonPack: .*missing\.json could not be read \(ENOENT\); ignored$/);
  });

  it('refuses an oversized file before reading it', async () => {
    let read = false;
    const load = await readPolicyFile('/p.json', {
      stat: async () => ({ size: 10 * 1024 * 1024, isFile: () => true }),
      readFile: async () => {
        read = true;
        return '{}';
      },
    });
    expect(read).toBe(false);
    expect(problemLogLine(load.issues[0])).toMatch(/could not be read \(larger than 64 KB\)/);
  });

  it('reports an unreadable file (e.g. permissions) instead of failing the launch', async () => {
    const err = Object.assign(new Error('denied'), { code: 'EACCES' });
    const load = await readPolicyFile('/p.json', { stat: async () => Promise.reject(err), readFile: async () => '' });
    expect(load).toEqual({ policy: {}, issues: [{ code: 'policy.unreadable', detail: 'the policy file could not be read (EACCES); nothing in it was applied' }], source: '/p.json' });
  });
});
