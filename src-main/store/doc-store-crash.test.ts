import { fork } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWriter } from './bundle-writer';
import { DocStore } from './doc-store';

/**
 * A writer process killed with SIGKILL at random moments, mid-save or between saves, must never leave a
 * document that fails to load (nor a lock that blocks the next writer).
 */
const ITERATIONS = Number(process.env.RNN_LAB_CRASH_ITERATIONS) || 50;
const PARALLEL = 2;

let writer = '';
const dirs: string[] = [];
beforeAll(async () => {
  const bundleDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rnn-lab-writer-'));
  dirs.push(bundleDir);
  writer = await bundleWriter(bundleDir);
});
afterAll(async () => {
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});

/** Start a writer, let it complete at least one save, then kill it after a random delay. */
function runAndKill(dir: string, rng: () => number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(writer, [dir], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let armed = false;
    child.on('message', (m: { type: string }) => {
      if (m.type === 'locked') reject(new Error('writer found the directory locked (stale lock not taken over)'));
      if (m.type === 'saved' && !armed) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(rng() * 40));
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve();
      else reject(new Error(`writer exited on its own: code ${code}`));
    });
  });
}

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('DocStore across processes', () => {
  it('a second process sees the folder locked by a live writer and gets a read-only store', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rnn-lab-lock-'));
    dirs.push(dir);
    const child = fork(writer, [dir], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    try {
      await new Promise<void>((resolve) => child.on('message', (m: { type: string }) => m.type === 'saved' && resolve()));
      const store = await DocStore.open(dir);
      expect(store.writable).toBe(false);
      expect(store.heldBy).toBe(child.pid);
      expect(await store.save('progress', { version: 1, currentSection: 'x', completed: [] })).toMatchObject({ ok: false });
      expect(await store.load('progress')).toMatchObject({ ok: true }); // reading is still fine
      await store.close();
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('DocStore under random SIGKILLs', () => {
  it(`never leaves a document that fails to load (${ITERATIONS} kills)`, async () => {
    const rng = mulberry32(20240611);
    const lanes = Array.from({ length: PARALLEL }, async (_, lane) => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), `rnn-lab-crash-${lane}-`));
      dirs.push(dir);
      for (let i = lane; i < ITERATIONS; i += PARALLEL) {
        await runAndKill(dir, rng);
        const store = await DocStore.open(dir);
        expect(store.writable).toBe(true);
        for (const kind of ['runs', 'progress'] as const) {
          const result = await store.load(kind);
          expect(result, `${kind} after kill ${i}`).toMatchObject({ ok: true });
          expect(result.ok && result.data, `${kind} after kill ${i}`).not.toBeNull();
        }
        await store.close();
        const leftovers = (await fs.readdir(dir)).filter((n) => n.includes('corrupt') || n.endsWith('.tmp'));
        expect(leftovers).toEqual([]);
      }
    });
    await Promise.all(lanes);
  }, 120_000);
});
