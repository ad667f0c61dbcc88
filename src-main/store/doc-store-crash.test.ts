import { fork } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWriter } from './bundle-writer';
import { parseDoc } from '../../src-shared/protocol/documents';
import { DocStore } from './doc-store';
import { progressDoc, RUN_DOC, runDoc } from './writer-docs';

/**
 * A writer process killed with SIGKILL at random moments, mid-save or between saves, must never leave a
 * document that fails to load (nor a lock that blocks the next writer), and what loads must be exactly the
 * last version it finished saving or the one it was writing: never a mix, never an older one.
 * 50 kills by default, 1000 with RNN_LAB_LONG=1; RNN_LAB_CRASH_ITERATIONS overrides both.
 */
const ITERATIONS = Number(process.env.RNN_LAB_CRASH_ITERATIONS) || (process.env.RNN_LAB_LONG === '1' ? 1000 : 50);
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

/** The last save number of each kind the writer reported complete before it died. */
interface Confirmed {
  runs: number;
  progress: number;
}

/**
 * Start a writer, let it complete at least one save, then kill it after a random delay. Resolves once the
 * process is gone and its IPC channel is drained, with the last saves it confirmed.
 */
function runAndKill(dir: string, rng: () => number): Promise<Confirmed> {
  return new Promise((resolve, reject) => {
    const child = fork(writer, [dir], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const confirmed: Confirmed = { runs: 0, progress: 0 };
    let armed = false;
    let exited = false;
    let disconnected = false;
    const done = () => exited && disconnected && resolve(confirmed);
    child.on('message', (m: { type: string; n?: number }) => {
      if (m.type === 'locked') reject(new Error('writer found the directory locked (stale lock not taken over)'));
      if (m.type === 'saved-runs') confirmed.runs = m.n!;
      if (m.type === 'saved') confirmed.progress = m.n!;
      if (m.type === 'saved' && !armed) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(rng() * 40));
      }
    });
    child.on('disconnect', () => {
      disconnected = true;
      done();
    });
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own: code ${code}`));
      exited = true;
      done();
    });
  });
}

/** The version number a loaded document carries (run name "run n", section "section-n"). */
function versionOf(kind: typeof RUN_DOC | 'progress', data: unknown): number {
  const text = kind === RUN_DOC ? (data as { name: string }).name : (data as { currentSection: string }).currentSection;
  const match = /(\d+)$/.exec(text ?? '');
  return match ? Number(match[1]) : NaN;
}

/** Exactly what DocStore.load returns for save n of `kind`. */
function expected(kind: typeof RUN_DOC | 'progress', n: number): unknown {
  const parsed = parseDoc(kind, kind === RUN_DOC ? runDoc(n) : progressDoc(n));
  if (!parsed.ok) throw new Error(parsed.error);
  return JSON.parse(JSON.stringify(parsed.value));
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
    const versions = { [RUN_DOC]: { old: 0, new: 0 }, progress: { old: 0, new: 0 } };
    const lanes = Array.from({ length: PARALLEL }, async (_, lane) => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), `rnn-lab-crash-${lane}-`));
      dirs.push(dir);
      for (let i = lane; i < ITERATIONS; i += PARALLEL) {
        const confirmed = await runAndKill(dir, rng);
        const store = await DocStore.open(dir);
        expect(store.writable).toBe(true);
        for (const kind of [RUN_DOC, 'progress'] as const) {
          const result = await store.load(kind);
          expect(result, `${kind} after kill ${i}`).toMatchObject({ ok: true });
          expect(result.ok && result.data, `${kind} after kill ${i}`).not.toBeNull();
          // The old version (the last one confirmed) or the new one (being written when the kill landed).
          const version = versionOf(kind, result.ok ? result.data : null);
          const old = confirmed[kind === RUN_DOC ? 'runs' : kind];
          expect([old, old + 1], `${kind} version after kill ${i} (last confirmed ${old})`).toContain(version);
          expect(result.ok && result.data, `${kind} after kill ${i} is exactly version ${version}`).toEqual(expected(kind, version));
          versions[kind][version === old ? 'old' : 'new'] += 1;
        }
        await store.close();
        const leftovers = (await fs.readdir(dir)).filter((n) => n.includes('corrupt') || n.endsWith('.tmp'));
        expect(leftovers).toEqual([]);
      }
    });
    await Promise.all(lanes);
    console.log(
      `[crash] ${ITERATIONS} SIGKILLs: run-crash.json old ${versions[RUN_DOC].old} / new ${versions[RUN_DOC].new}, ` +
        `progress.json old ${versions.progress.old} / new ${versions.progress.new}; 0 unloadable, 0 mixed`,
    );
  }, Math.max(120_000, ITERATIONS * 1_000));
});
