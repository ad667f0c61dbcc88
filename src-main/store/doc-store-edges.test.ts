import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../src-shared/protocol/documents';
import type { SavedRun } from '../../src-shared/protocol/saved-run';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import { DocStore, type Quarantine } from './doc-store';

/** Documents as they are found on real disks: a lost main file, a BOM, values JSON cannot spell, a strange lock. */
const settings = (theme: Settings['theme']): Settings => ({
  version: 1, theme, largeText: false, reducedMotion: 'system', locale: 'en', lastConfig: DEFAULT_CONFIG,
});

const explodedRun = (): SavedRun => ({
  id: 'exploded',
  name: 'exploded',
  snapshots: [],
  savedAt: '2030-01-01T00:00:00.000Z',
  checkpoint: {
    version: 1,
    config: DEFAULT_CONFIG,
    step: 3,
    params: { Wxh: [0.5, -0.25] },
    optimizer: {},
    history: [
      { step: 1, loss: 0.7, accuracy: 0.5, gradNormBefore: 2, gradNormAfter: 2, clipped: false },
      { step: 2, loss: Infinity, accuracy: 0.5, gradNormBefore: Infinity, gradNormAfter: 5, clipped: true },
      { step: 3, loss: 1e308, accuracy: 0.5, gradNormBefore: -Infinity, gradNormAfter: 5, clipped: true },
    ],
  },
});

let dir: string;
const stores: DocStore[] = [];
async function openStore(options: Parameters<typeof DocStore.open>[1] = {}): Promise<DocStore> {
  const store = await DocStore.open(dir, options);
  stores.push(store);
  return store;
}
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rnn-lab-edges-'));
});
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('DocStore edge cases', () => {
  it('uses the .bak when the main file is missing, and puts it back in place', async () => {
    await fs.writeFile(path.join(dir, 'settings.json.bak'), JSON.stringify(settings('contrast')));
    const reported: Quarantine[] = [];
    const store = await openStore({ onQuarantined: (q) => reported.push(q) });
    expect(await store.load('settings')).toEqual({ ok: true, data: settings('contrast') });
    expect(JSON.parse(await fs.readFile(path.join(dir, 'settings.json'), 'utf8'))).toEqual(settings('contrast'));
    expect(reported).toEqual([]); // nothing was damaged, nothing moved aside
  });

  it('loads a valid document saved with a UTF-8 byte order mark', async () => {
    await fs.writeFile(path.join(dir, 'progress.json'), '\uFEFF' + JSON.stringify({ version: 1, currentSection: 'bptt', completed: ['intro'] }));
    const store = await openStore();
    expect(await store.load('progress')).toEqual({ ok: true, data: { version: 1, currentSection: 'bptt', completed: ['intro'] } });
    expect((await fs.readdir(dir)).filter((n) => n.includes('corrupt'))).toEqual([]);
  });

  it('gives back exactly what it saved, ±Infinity in a run history included', async () => {
    const store = await openStore();
    expect(await store.save('run:exploded', explodedRun())).toEqual({ ok: true });
    expect(await store.load('run:exploded')).toEqual({ ok: true, data: explodedRun() });
    // And a fresh store (the next launch) reads the file the same way.
    await store.close();
    stores.splice(0);
    const next = await openStore();
    expect(await next.load('run:exploded')).toEqual({ ok: true, data: explodedRun() });
    expect((await fs.readdir(dir)).filter((n) => n.includes('corrupt'))).toEqual([]);
  });

  it('keeps a string that looks like the encoding of Infinity a string', async () => {
    const store = await openStore();
    const quiz = { version: 1 as const, attempts: [{ at: 'x', seed: 1, score: 0, total: 1, answers: { bert: '1e999' } }] };
    expect(await store.save('quiz', quiz)).toEqual({ ok: true });
    expect(await store.load('quiz')).toEqual({ ok: true, data: quiz });
  });

  it('opens read-only, without throwing, when .lock is a directory that holds something', async () => {
    await fs.mkdir(path.join(dir, '.lock'));
    await fs.writeFile(path.join(dir, '.lock', 'keep'), 'not ours');
    const store = await openStore();
    expect(store.writable).toBe(false);
    expect(await store.load('settings')).toEqual({ ok: true, data: null });
    expect(await fs.readFile(path.join(dir, '.lock', 'keep'), 'utf8')).toBe('not ours');
  });

  it('takes over an empty directory named .lock', async () => {
    await fs.mkdir(path.join(dir, '.lock'));
    const store = await openStore();
    expect(store.writable).toBe(true);
    expect(await store.save('settings', settings('dark'))).toEqual({ ok: true });
  });
});

describe('DocStore size cap on save', () => {
  it('refuses a document whose JSON would pass the cap before validating it', async () => {
    const store = await openStore();
    const huge = explodedRun();
    (huge.checkpoint.params as Record<string, number[]>).Wxh = new Array(6_000_000).fill(0.123456);
    // Also invalid (another id): the size is what it is told, because the schema never ran.
    const started = performance.now();
    const result = await store.save('run:exploded', { ...huge, id: 'other' });
    const ms = performance.now() - started;
    expect(result).toEqual({ ok: false, problem: { code: 'storage.tooLarge', params: { mb: 5 }, detail: expect.stringMatching(/^Not saved: run:exploded would exceed 5000000 bytes/) } });
    console.log(`[size cap] 6M-number save refused in ${ms.toFixed(0)} ms`);
    expect(await fs.readdir(dir)).toEqual(['.lock']);
  });
});
