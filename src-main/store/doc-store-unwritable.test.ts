import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StorageStatus } from '../../src-shared/protocol/ipc-contract';
import { DocStore } from './doc-store';

/**
 * A user-data folder that cannot be written, made for real: a small tmpfs mounted for the test, full
 * (ENOSPC) or remounted read-only (EROFS). Mounting needs root with CAP_SYS_ADMIN (the CI container has it);
 * elsewhere those cases skip. A plain file where the folder should be (ENOTDIR/EEXIST) runs everywhere.
 */
function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = path.join(os.tmpdir(), `rnn-lab-mount-probe-${process.pid}`);
  try {
    execFileSync('mkdir', ['-p', probe]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    execFileSync('rm', ['-rf', probe]);
  }
}
const MOUNTS = canMount();

let root = '';
let mounted = false;
const stores: DocStore[] = [];
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'rnn-lab-unwritable-'));
});
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => {});
  if (mounted) execFileSync('umount', [root]);
  mounted = false;
  await fs.rm(root, { recursive: true, force: true });
});

function mountTmpfs(kb: number): void {
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', root]);
  mounted = true;
}
const remountReadOnly = () => execFileSync('mount', ['-o', 'remount,ro', root]);
/** Fill the file system to the last byte (the filler file stays). */
async function fill(): Promise<void> {
  const handle = await fs.open(path.join(root, 'filler'), 'a');
  try {
    for (;;) await handle.write(Buffer.alloc(4096, 1));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    await handle.close();
  }
}
async function open(dir: string, onStatus?: (s: StorageStatus) => void): Promise<DocStore> {
  const store = await DocStore.open(dir, { onStatus });
  stores.push(store);
  return store;
}
const settingsText = JSON.stringify({
  version: 1, theme: 'dark', largeText: false, reducedMotion: 'system', locale: 'en',
  lastConfig: { task: 'memory', taskParams: {}, cell: 'gru', activation: 'tanh', hiddenSize: 16, layers: 1, bidirectional: false,
    optimizer: 'adam', learningRate: 0.01, momentum: 0.9, clipNorm: 5, batchSize: 8, seed: 1, initKind: 'xavier', spectralRadius: 1, truncateBptt: 0 },
});

describe('an unwritable user-data folder opens read-only, announced, and loses nothing', () => {
  it.runIf(MOUNTS)('read-only file system (EROFS): open does not throw, documents load, saves are refused with a reason', async () => {
    mountTmpfs(256);
    const dir = path.join(root, 'documents');
    await fs.mkdir(dir);
    await fs.writeFile(path.join(dir, 'settings.json'), settingsText);
    remountReadOnly();
    const store = await open(dir);
    expect(store.writable).toBe(false);
    expect(store.status).toMatchObject({ mode: 'read-only', reason: 'unwritable', code: 'EROFS' });
    expect(await store.load('settings')).toMatchObject({ ok: true, data: { theme: 'dark' } });
    expect(await store.save('progress', { version: 1, currentSection: 'x', completed: [] })).toEqual({
      ok: false,
      problem: { code: 'storage.readOnly', detail: expect.stringMatching(/cannot be written/) },
    });
  });

  it.runIf(MOUNTS)('read-only file system with no documents folder yet: open does not throw', async () => {
    mountTmpfs(64);
    remountReadOnly();
    const store = await open(path.join(root, 'documents'));
    expect(store.status).toMatchObject({ mode: 'read-only', reason: 'unwritable', code: 'EROFS' });
    expect(await store.load('settings')).toEqual({ ok: true, data: null });
  });

  it.runIf(MOUNTS)('full disk at launch (ENOSPC): read-only, and no empty .lock left to block the next launch', async () => {
    mountTmpfs(64);
    const dir = path.join(root, 'documents');
    await fs.mkdir(dir);
    await fill();
    const store = await open(dir);
    expect(store.status).toMatchObject({ mode: 'read-only', reason: 'unwritable', code: 'ENOSPC' });
    expect(await fs.readdir(dir)).toEqual([]);
    await store.close();
    stores.splice(0);
    await fs.rm(path.join(root, 'filler'));
    expect((await open(dir)).writable).toBe(true); // space freed: the next launch writes again
  });

  it.runIf(MOUNTS)('disk fills during a save: the save fails with a reason, leaves no temp file, and the status says so', async () => {
    mountTmpfs(64);
    const dir = path.join(root, 'documents');
    await fs.mkdir(dir);
    const statuses: StorageStatus[] = [];
    const store = await open(dir, (s) => statuses.push(s));
    expect(store.status).toEqual({ mode: 'writable' });
    await fill();
    const result = await store.save('settings', JSON.parse(settingsText));
    expect(result).toEqual({ ok: false, problem: { code: 'storage.full', detail: expect.stringMatching(/ENOSPC/) } });
    expect((await fs.readdir(dir)).sort()).toEqual(['.lock']);
    expect(statuses.at(-1)).toMatchObject({ mode: 'read-only', reason: 'unwritable', code: 'ENOSPC' });
    // Space comes back: the next save works and the store says it is writable again.
    await fs.rm(path.join(root, 'filler'));
    expect(await store.save('settings', JSON.parse(settingsText))).toEqual({ ok: true });
    expect(statuses.at(-1)).toEqual({ mode: 'writable' });
  });

  it('a file where the documents folder should be: open does not throw and nothing is touched', async () => {
    const dir = path.join(root, 'documents');
    await fs.writeFile(dir, 'not a folder');
    const store = await open(dir);
    expect(store.writable).toBe(false);
    expect(store.status).toMatchObject({ mode: 'read-only', reason: 'unwritable' });
    expect(await store.load('settings')).toEqual({ ok: true, data: null });
    expect(await store.save('settings', JSON.parse(settingsText))).toMatchObject({ ok: false });
    expect(await fs.readFile(dir, 'utf8')).toBe('not a folder');
  });
});
