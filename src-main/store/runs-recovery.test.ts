import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { indexEntry, runSummary } from '../../src-shared/protocol/run-docs';
import { MAX_SAVED_RUNS } from '../../src-shared/protocol/saved-run';
import { DocStore, type DocStoreOptions, type Quarantine } from './doc-store';
import { savedRun as run } from './testing/saved-runs';

/** Runs a crash left unlisted, older indexes, and a read-only store reading what the writer has not migrated yet. */

let dir: string;
const stores: DocStore[] = [];
const now = () => new Date('2030-01-02T03:04:05.678Z');
async function openStore(options: DocStoreOptions = {}): Promise<DocStore> {
  const store = await DocStore.open(dir, { now, ...options });
  stores.push(store);
  return store;
}
async function closeAll(): Promise<void> {
  for (const s of stores.splice(0)) await s.close();
}
const file = (name: string) => path.join(dir, name);
const write = (name: string, value: unknown) => fs.writeFile(file(name), typeof value === 'string' ? value : JSON.stringify(value));
const readJson = async (name: string) => JSON.parse(await fs.readFile(file(name), 'utf8'));
const listing = async () => (await fs.readdir(dir)).filter((n) => n !== '.lock' && !n.startsWith('lock')).sort();

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rnn-lab-recovery-'));
});
afterEach(async () => {
  await closeAll();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('run files no index lists (a crash between writing a run and listing it)', () => {
  it('lists a valid one again, sets a damaged one aside as .bak untouched, and reports that once', async () => {
    await write('runs.json', { version: 3, runs: [indexEntry(run('a', 'Listed'))] });
    await write('run-a.json', run('a', 'Listed'));
    const orphan = { ...run('b', 'Saved just before the crash'), savedAt: '2026-12-02T09:00:00.000Z' };
    await write('run-b.json', orphan);
    await write('run-c.json', '{"id": "c", "name": "cut sh');
    const reported: Quarantine[] = [];
    const store = await openStore({ onQuarantined: (q) => reported.push(q) });

    const index = await store.load('runs');
    expect(index).toEqual({ ok: true, data: { version: 3, runs: [indexEntry(run('a', 'Listed')), indexEntry(orphan)] } });
    expect(await readJson('runs.json')).toEqual((index as { data: unknown }).data);
    expect(await store.load('run:b')).toEqual({ ok: true, data: orphan });
    const aside = 'run-c.orphan-2030-01-02T03-04-05-678Z.json.bak';
    expect(await fs.readFile(file(aside), 'utf8')).toBe('{"id": "c", "name": "cut sh');
    await expect(fs.access(file('run-c.json'))).rejects.toThrow();
    expect(reported).toEqual([{ kind: 'run:c', movedTo: file(aside), problem: expect.objectContaining({ code: 'storage.notJson' }), restored: false }]);
    // Once a session: a second load finds nothing more to do, and the next session nothing either.
    await store.load('runs');
    await closeAll();
    const next = await openStore({ onQuarantined: (q) => reported.push(q) });
    expect(await next.load('runs')).toEqual(index);
    expect(reported).toHaveLength(1);
  });

  it('rebuilds the list from the run files when the index itself was damaged and had no backup', async () => {
    await write('run-a.json', run('a', 'A'));
    await write('run-b.json', { ...run('b', 'B'), savedAt: '2026-11-01T00:00:00.000Z' });
    await write('runs.json', '{"version": 3, "ru');
    const reported: Quarantine[] = [];
    const store = await openStore({ onQuarantined: (q) => reported.push(q) });
    const index = await store.load('runs');
    expect(index.ok && (index.data as { runs: { id: string }[] }).runs.map((r) => r.id)).toEqual(['b', 'a']);
    expect(reported.map((q) => q.kind)).toEqual(['runs']);
    expect((await listing()).filter((n) => n.startsWith('runs.corrupt-'))).toHaveLength(1);
  });

  it('keeps a valid one as a file, unlisted, when the list is full', async () => {
    const full = Array.from({ length: MAX_SAVED_RUNS }, (_, i) => run(`r${i}`, `run ${i}`));
    for (const r of full) await write(`run-${r.id}.json`, r);
    await write('runs.json', { version: 3, runs: full.map(indexEntry) });
    await write('run-extra.json', run('extra', 'Extra'));
    const store = await openStore();
    const index = await store.load('runs');
    expect(index.ok && (index.data as { runs: unknown[] }).runs).toHaveLength(MAX_SAVED_RUNS);
    expect(await readJson('run-extra.json')).toEqual(run('extra', 'Extra'));
  });

  it('leaves files that only look like runs alone: backups, set-aside copies, deleted runs', async () => {
    await write('runs.json', { version: 3, runs: [] });
    for (const name of ['run-a.json.bak', 'run-a.deleted.json.bak', 'run-a.corrupt-2030.json', 'run-bad id.json']) await write(name, 'x');
    const store = await openStore();
    expect(await store.load('runs')).toEqual({ ok: true, data: { version: 3, runs: [] } });
    expect(await listing()).toEqual(['run-a.corrupt-2030.json', 'run-a.deleted.json.bak', 'run-a.json.bak', 'run-bad id.json', 'runs.json']);
  });
});

describe('older indexes', () => {
  it('a version-2 index gets the summary of each run, keeps an entry whose file is gone, and is set aside', async () => {
    const v2 = { version: 2, runs: [{ id: 'a', name: 'A', savedAt: run('a', 'A').savedAt }, { id: 'gone', name: 'Gone', savedAt: '2026-01-01' }] };
    await write('runs.json', v2);
    await write('run-a.json', run('a', 'A'));
    const store = await openStore();
    expect(await store.load('runs')).toEqual({
      ok: true,
      data: { version: 3, runs: [{ ...v2.runs[0], summary: runSummary(run('a', 'A')) }, { ...v2.runs[1], summary: null }] },
    });
    expect(runSummary(run('a', 'A'))).toEqual({ step: 5, cell: 'lstm', hiddenSize: 24, layers: 1, loss: 0.7 });
    expect(await readJson('runs.v2-2030-01-02T03-04-05-678Z.json.bak')).toEqual(v2);
  });
});

describe('a read-only store (another RNN Lab holds the folder)', () => {
  it('lists the runs of a version-1 document the writer has not migrated yet, and writes nothing', async () => {
    const writer = await openStore();
    expect(writer.writable).toBe(true);
    const legacy = { version: 1, runs: [run('one', 'One'), run('bad/id', 'Two')] };
    await write('runs.json', legacy);
    const before = await listing();
    const reader = await openStore();
    expect(reader.writable).toBe(false);

    const index = await reader.load('runs');
    if (!index.ok) throw new Error('index not loaded');
    const entries = (index.data as { runs: { id: string; name: string }[] }).runs;
    expect(entries.map((e) => e.name)).toEqual(['One', 'Two']);
    expect(await reader.load('run:one')).toEqual({ ok: true, data: legacy.runs[0] });
    expect(await reader.load(`run:${entries[1].id}`)).toEqual({ ok: true, data: { ...legacy.runs[1], id: entries[1].id } });
    expect(await readJson('runs.json')).toEqual(legacy);
    expect(await listing()).toEqual(before);
  });

  it('gives a version-2 index its summaries in memory only', async () => {
    await openStore();
    const v2 = { version: 2, runs: [{ id: 'a', name: 'A', savedAt: run('a', 'A').savedAt }] };
    await write('runs.json', v2);
    await write('run-a.json', run('a', 'A'));
    const reader = await openStore();
    expect(await reader.load('runs')).toEqual({ ok: true, data: { version: 3, runs: [{ ...v2.runs[0], summary: runSummary(run('a', 'A')) }] } });
    expect(await readJson('runs.json')).toEqual(v2);
  });
});
