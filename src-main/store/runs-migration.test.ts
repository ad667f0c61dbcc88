import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { problemLogLine } from '../../src-shared/protocol/problem';
import { LIMITS } from '../../src-shared/protocol/training-config';
import { indexEntry } from '../../src-shared/protocol/run-docs';
import { DocStore } from './doc-store';
import { docFileBase } from './runs-migration';
import { savedRun } from './testing/saved-runs';

const run = savedRun;

let dir: string;
const stores: DocStore[] = [];
const now = () => new Date('2030-01-02T03:04:05.678Z');
async function openStore(): Promise<DocStore> {
  const store = await DocStore.open(dir, { now });
  stores.push(store);
  return store;
}
const readJson = async (name: string) => JSON.parse(await fs.readFile(path.join(dir, name), 'utf8'));

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rnn-lab-runs-'));
});
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  await fs.rm(dir, { recursive: true, force: true });
});

describe('one document per saved run', () => {
  it('stores each run as run-<id>.json with its own size cap, so runs together may pass the cap of one', async () => {
    const store = await openStore();
    // About 3.5 MB each as JSON: two of them would not fit in one 5 MB document.
    const big = (id: string) => run(id, id, 180_000);
    expect(await store.save('run:a', big('a'))).toEqual({ ok: true });
    expect(await store.save('run:b', big('b'))).toEqual({ ok: true });
    expect(await store.save('runs', { version: 3, runs: [indexEntry(big('a')), indexEntry(big('b'))] })).toEqual({ ok: true });
    const sizes = await Promise.all(['run-a.json', 'run-b.json'].map(async (n) => (await fs.stat(path.join(dir, n))).size));
    expect(sizes[0] + sizes[1]).toBeGreaterThan(LIMITS.fileBytes);
    expect(await store.load('run:b')).toEqual({ ok: true, data: big('b') });
    // One run over the cap is still refused, before validation.
    expect(await store.save('run:c', run('c', 'c', 400_000))).toMatchObject({ ok: false, problem: { code: 'storage.tooLarge', detail: expect.stringMatching(/^Not saved: run:c would exceed 5000000 bytes/) } });
  });

  it('refuses a run whose id is not the one its document names, and a key that is no document', async () => {
    const store = await openStore();
    expect(await store.save('run:a', run('b', 'b'))).toMatchObject({ ok: false, problem: { code: 'storage.invalid', detail: expect.stringContaining('id: the run stored as run:a must have the id "a"') } });
    await expect(store.load('run:../../etc/passwd' as 'run:x')).rejects.toThrow(/not a document kind/);
    expect(docFileBase('run:abc-1')).toBe('run-abc-1');
  });

  it('removes a run by setting its file aside as .deleted.json.bak, and refuses to from a read-only store', async () => {
    const store = await openStore();
    await store.save('run:a', run('a', 'first'));
    await store.save('run:a', run('a', 'renamed'));
    expect(await store.remove('run:a')).toEqual({ ok: true });
    expect(await store.load('run:a')).toEqual({ ok: true, data: null }); // not brought back from a backup
    expect((await readJson('run-a.deleted.json.bak')).name).toBe('renamed');
    expect(await store.remove('run:gone')).toEqual({ ok: true });
    const reader = await DocStore.open(dir);
    stores.push(reader);
    expect(reader.writable).toBe(false);
    expect(await reader.remove('run:a')).toMatchObject({ ok: false });
  });

  it('quarantines a damaged run file on its own, leaving the index and the other runs alone', async () => {
    const store = await openStore();
    await store.save('run:a', run('a', 'A'));
    await store.save('run:b', run('b', 'B'));
    await fs.writeFile(path.join(dir, 'run-b.json'), '{"id": "b", "na');
    await fs.rm(path.join(dir, 'run-b.json.bak'), { force: true });
    await store.close();
    stores.splice(0);
    const next = await openStore();
    expect(await next.load('run:a')).toMatchObject({ ok: true, data: { name: 'A' } });
    const b = await next.load('run:b');
    expect(b.ok).toBe(false);
    expect(!b.ok && b.quarantinedTo).toMatch(/run-b\.corrupt-2030-01-02T03-04-05-678Z\.json$/);
  });
});

describe('migrating a version-1 runs document on open', () => {
  const legacy = { version: 1, runs: [run('run-1', 'first'), run('odd/id', 'second'), run('run-3', 'third')] };

  it('splits it into one file per run and an index, and sets the old file aside untouched', async () => {
    const text = JSON.stringify(legacy);
    await fs.writeFile(path.join(dir, 'runs.json'), text);
    await fs.writeFile(path.join(dir, 'runs.json.bak'), '{"an older save": true}');
    const store = await openStore();

    const index = await store.load('runs');
    if (!index.ok) throw new Error(problemLogLine(index.problem));
    const entries = (index.data as { version: 3; runs: { id: string; name: string }[] }).runs;
    expect(entries.map((e) => e.name)).toEqual(['first', 'second', 'third']);
    expect(entries[0].id).toBe('run-1');
    expect(entries[1].id).toMatch(/^run-migrated-1-[a-z0-9]+$/); // "odd/id" cannot name a file: a fresh id
    for (const [i, e] of entries.entries()) {
      expect(await store.load(`run:${e.id}`)).toEqual({ ok: true, data: { ...legacy.runs[i], id: e.id } });
    }
    expect(await fs.readFile(path.join(dir, 'runs.v1-2030-01-02T03-04-05-678Z.json.bak'), 'utf8')).toBe(text);
    expect(await fs.readFile(path.join(dir, 'runs.json.bak'), 'utf8')).toBe('{"an older save": true}');
    expect((await fs.readdir(dir)).filter((n) => n.includes('corrupt'))).toEqual([]);
  });

  it('a second migration (after a crash before the index was written) takes a new .bak name and keeps the first', async () => {
    const text = JSON.stringify(legacy);
    await fs.writeFile(path.join(dir, 'runs.json'), text);
    await fs.writeFile(path.join(dir, 'runs.v1-2030-01-02T03-04-05-678Z.json.bak'), 'the first one');
    await fs.writeFile(path.join(dir, 'run-run-1.json'), JSON.stringify(run('run-1', 'first')));
    await openStore();
    expect(await fs.readFile(path.join(dir, 'runs.v1-2030-01-02T03-04-05-678Z.json.bak'), 'utf8')).toBe('the first one');
    expect(await fs.readFile(path.join(dir, 'runs.v1-2030-01-02T03-04-05-678Z-2.json.bak'), 'utf8')).toBe(text);
    expect((await readJson('runs.json')).version).toBe(3);
  });

  it('leaves an invalid version-1 document for the load to quarantine, and a read-only store migrates nothing', async () => {
    await fs.writeFile(path.join(dir, 'runs.json'), JSON.stringify({ version: 1, runs: [{ id: 'x' }] }));
    const store = await openStore();
    const res = await store.load('runs');
    expect(res).toMatchObject({ ok: false, quarantinedTo: expect.stringMatching(/runs\.corrupt-/) });
    await store.close();
    stores.splice(0);

    await fs.rm(dir, { recursive: true, force: true });
    await fs.mkdir(dir);
    const writer = await openStore();
    await fs.writeFile(path.join(dir, 'runs.json'), JSON.stringify(legacy));
    const reader = await DocStore.open(dir);
    stores.push(reader);
    expect(reader.writable).toBe(false);
    expect((await readJson('runs.json')).version).toBe(1);
    expect(writer.writable).toBe(true);
  });
});
