import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../src-shared/protocol/documents';
import { DEFAULT_CONFIG, LIMITS } from '../../src-shared/protocol/training-config';
import { DocStore, type Quarantine } from './doc-store';

const settings = (theme: Settings['theme']): Settings => ({
  version: 1,
  theme,
  largeText: false,
  reducedMotion: 'system',
  locale: 'en',
  lastConfig: DEFAULT_CONFIG,
});

let dir: string;
const open: DocStore[] = [];

async function openStore(options: Parameters<typeof DocStore.open>[1] = {}): Promise<DocStore> {
  const store = await DocStore.open(dir, { now: () => new Date('2030-01-02T03:04:05.678Z'), ...options });
  open.push(store);
  return store;
}

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rnn-lab-store-'));
});

afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('DocStore', () => {
  it('loads null when nothing was saved, and returns what was saved', async () => {
    const store = await openStore();
    expect(await store.load('settings')).toEqual({ ok: true, data: null });
    expect(await store.save('settings', settings('dark'))).toEqual({ ok: true });
    expect(await store.load('settings')).toEqual({ ok: true, data: settings('dark') });
    expect(JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8'))).toEqual(settings('dark'));
  });

  it('writes atomically: no temp file is left behind and the previous version is kept as .bak', async () => {
    const store = await openStore();
    await store.save('settings', settings('light'));
    await store.save('settings', settings('dark'));
    const names = (await fs.readdir(dir)).sort();
    expect(names).toEqual(['.lock', 'settings.json', 'settings.json.bak']);
    expect(JSON.parse(await fs.readFile(path.join(dir, 'settings.json.bak'), 'utf8')).theme).toBe('light');
    expect(JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8')).theme).toBe('dark');
  });

  it('moves a settings file that is not JSON to settings.corrupt-<timestamp>.json and reports it', async () => {
    await fs.writeFile(path.join(dir, 'settings.json'), '{"version": 1, "theme": "da');
    const reported: Quarantine[] = [];
    const store = await openStore({ onQuarantined: (q) => reported.push(q) });
    const result = await store.load('settings');
    const movedTo = path.join(dir, 'settings.corrupt-2030-01-02T03-04-05-678Z.json');
    expect(result).toEqual({ ok: false, problem: expect.objectContaining({ code: 'storage.notJson', detail: expect.stringMatching(/not valid JSON/) }), quarantinedTo: movedTo });
    expect(reported).toEqual([{ kind: 'settings', movedTo, problem: expect.objectContaining({ code: 'storage.notJson', detail: expect.stringMatching(/not valid JSON/) }), restored: false }]);
    expect(await fs.readFile(movedTo, 'utf8')).toBe('{"version": 1, "theme": "da');
    expect(await store.load('settings')).toEqual({ ok: true, data: null });
  });

  it('puts a valid previous version (.bak) back in place of a damaged file, and says so', async () => {
    const first = await openStore();
    await first.save('settings', settings('light'));
    await first.save('settings', settings('dark'));
    await first.close();
    open.splice(open.indexOf(first), 1);
    await fs.writeFile(path.join(dir, 'settings.json'), '{"version": 1, "the'); // torn by something else
    const reported: Quarantine[] = [];
    const store = await openStore({ onQuarantined: (q) => reported.push(q) });
    expect(await store.load('settings')).toEqual({ ok: true, data: settings('light') });
    const movedTo = path.join(dir, 'settings.corrupt-2030-01-02T03-04-05-678Z.json');
    expect(reported).toEqual([{ kind: 'settings', movedTo, problem: expect.objectContaining({ code: 'storage.notJson', detail: expect.stringMatching(/not valid JSON/) }), restored: true }]);
    expect(await fs.readFile(movedTo, 'utf8')).toBe('{"version": 1, "the');
    expect(JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8'))).toEqual(settings('light'));
    // A damaged .bak is no help: the defaults stand, and nothing is overwritten.
    await store.close();
    open.splice(open.indexOf(store), 1);
    await fs.writeFile(path.join(dir, 'settings.json'), 'nope');
    await fs.writeFile(path.join(dir, 'settings.json.bak'), '{"version": 1, "theme": "neon"}');
    const again = await openStore({ onQuarantined: (q) => reported.push(q), now: () => new Date('2030-01-02T03:04:06Z') });
    expect(await again.load('settings')).toMatchObject({ ok: false, problem: { code: 'storage.notJson', detail: expect.stringMatching(/not valid JSON/) } });
    expect(reported.at(-1)).toMatchObject({ restored: false });
    expect(await fs.readFile(path.join(dir, 'settings.json.bak'), 'utf8')).toBe('{"version": 1, "theme": "neon"}');
  });

  it('quarantines a file that fails its schema, naming the bad field, and never overwrites it', async () => {
    const bad = { ...settings('dark'), lastConfig: { ...DEFAULT_CONFIG, hiddenSize: 100_000 } };
    await fs.writeFile(path.join(dir, 'settings.json'), JSON.stringify(bad));
    const store = await openStore();
    // Saving before loading must not destroy the unreadable file: it is moved aside first.
    expect(await store.save('settings', settings('light'))).toEqual({ ok: true });
    const names = await fs.readdir(dir);
    const corrupt = names.find((n) => n.startsWith('settings.corrupt-'))!;
    expect(JSON.parse(await fs.readFile(path.join(dir, corrupt), 'utf8'))).toEqual(bad);
    expect(await store.load('settings')).toEqual({ ok: true, data: settings('light') });
  });

  it('reports the schema error for a bad document', async () => {
    await fs.writeFile(path.join(dir, 'progress.json'), JSON.stringify({ version: 1, currentSection: 3, completed: [] }));
    const store = await openStore();
    const result = await store.load('progress');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatchObject({ code: 'storage.invalid', detail: expect.stringMatching(/currentSection/) });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const file = path.join(dir, 'runs.json');
    await fs.writeFile(file, '');
    await fs.truncate(file, LIMITS.fileBytes + 1);
    const store = await openStore();
    const result = await store.load('runs');
    expect(result).toMatchObject({ ok: false, problem: { code: 'storage.fileTooLarge', params: { mb: 5 }, detail: expect.stringMatching(/over the 5000000-byte limit/) } });
    expect(!result.ok && result.quarantinedTo).toMatch(/runs\.corrupt-/);
  });

  it('refuses to save an invalid document and leaves the file as it was', async () => {
    const store = await openStore();
    await store.save('settings', settings('dark'));
    const result = await store.save('settings', { ...settings('light'), theme: 'neon' });
    expect(result).toEqual({ ok: false, problem: expect.objectContaining({ code: 'storage.invalid', detail: expect.stringMatching(/^Not saved: theme/) }) });
    expect(await store.load('settings')).toEqual({ ok: true, data: settings('dark') });
  });

  it('lets only one store write a directory: the second one is read-only until the first closes', async () => {
    const first = await openStore();
    const second = await openStore();
    expect(first.writable).toBe(true);
    expect(second.writable).toBe(false);
    expect(second.heldBy).toBe(process.pid);
    expect(await second.save('progress', { version: 1, currentSection: 'intro', completed: [] })).toMatchObject({
      ok: false,
      problem: { code: 'storage.locked', detail: expect.stringMatching(/another RNN Lab/) },
    });
    await first.close();
    const third = await openStore();
    expect(third.writable).toBe(true);
    third.lock!.releaseSync();
    expect((await fs.readdir(dir)).includes('.lock')).toBe(false);
  });

  it('takes over a stale lock left by a process that no longer exists, and sweeps its temp files', async () => {
    await fs.writeFile(path.join(dir, '.lock'), JSON.stringify({ pid: 999_999_999, at: '2020-01-01T00:00:00Z' }));
    await fs.writeFile(path.join(dir, '.runs.json.1234.abcd.tmp'), '{"half');
    const store = await openStore();
    expect(store.writable).toBe(true);
    expect(await fs.readdir(dir)).toEqual(['.lock']);
  });
});
