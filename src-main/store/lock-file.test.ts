import { fork, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleWriter } from './bundle-writer';
import { acquireDirLock, LOCK_NAME, processStartTicks } from './lock-file';

/** The directory lock as real processes meet it: reused pids, old lock formats, racing instances. */
const dirs: string[] = [];
let dir = '';
let child = '';
const RACES = Number(process.env.RNN_LAB_LOCK_RACES) || (process.env.RNN_LAB_LONG === '1' ? 200 : 30);
const RACERS = 3;

beforeAll(async () => {
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'rnn-lab-lock-bundle-'));
  dirs.push(out);
  child = await bundleWriter(out, 'lock-child');
});
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rnn-lab-lockfile-'));
  dirs.push(dir);
});
afterAll(async () => {
  for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
});

const writeLock = (content: object) => fs.writeFile(path.join(dir, LOCK_NAME), JSON.stringify(content));
const linux = process.platform === 'linux';

describe('stale locks survive PID reuse', () => {
  it('a lock in the old format (pid, no token) naming pid 1 is stale', async () => {
    await writeLock({ pid: 1, at: new Date().toISOString() });
    const result = await acquireDirLock(dir);
    expect(result.ok).toBe(true);
    if (result.ok) await result.lock.release();
  });

  it.runIf(linux)('an old-format lock naming a live process that started after it was written is stale', async () => {
    const lockFile = path.join(dir, LOCK_NAME);
    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      await fs.writeFile(lockFile, JSON.stringify({ pid: sleeper.pid, at: '2020-01-01T00:00:00Z' }));
      const old = new Date(Date.now() - 60_000);
      await fs.utimes(lockFile, old, old); // written a minute before the process started
      const result = await acquireDirLock(dir);
      expect(result.ok).toBe(true);
      if (result.ok) await result.lock.release();
    } finally {
      sleeper.kill('SIGKILL');
    }
  });

  it("a lock naming this process's own pid that this process never took is stale", async () => {
    await writeLock({ pid: process.pid, token: 'left-by-an-earlier-process', at: '2020-01-01T00:00:00Z' });
    const result = await acquireDirLock(dir);
    expect(result.ok).toBe(true);
    if (result.ok) await result.lock.release();
  });

  it('a lock this process holds still keeps a second store of the same process out', async () => {
    const first = await acquireDirLock(dir);
    expect(first.ok).toBe(true);
    expect(await acquireDirLock(dir)).toMatchObject({ ok: false, heldBy: process.pid });
    if (first.ok) await first.lock.release();
  });

  it.runIf(linux)('a live process whose start time differs from the lock is not its holder', async () => {
    const sleeper = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const pid = sleeper.pid!;
      const start = processStartTicks(pid);
      expect(start).not.toBeNull();
      await writeLock({ pid, token: 'x', start: String(Number(start) - 1000), at: new Date().toISOString() });
      const stale = await acquireDirLock(dir);
      expect(stale.ok).toBe(true);
      if (stale.ok) await stale.lock.release();
      // The same process, with its own start time: alive and the holder.
      await writeLock({ pid, token: 'x', start, at: new Date().toISOString() });
      expect(await acquireDirLock(dir)).toMatchObject({ ok: false, heldBy: pid });
    } finally {
      sleeper.kill('SIGKILL');
    }
  });
});

/** Start RACERS processes that all try to take `raceDir` at the same moment; how many became the writer. */
async function race(raceDir: string): Promise<number> {
  const goAt = Date.now() + 300;
  const procs = Array.from({ length: RACERS }, () => fork(child, [raceDir, String(goAt)], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const results = await Promise.all(
    procs.map((p) => new Promise<boolean>((resolve, reject) => {
      p.once('message', (m: { writer: boolean }) => resolve(m.writer));
      p.once('exit', (code) => reject(new Error(`racer exited early: ${code}`)));
    })),
  );
  await Promise.all(procs.map((p) => new Promise((resolve) => {
    p.removeAllListeners('exit');
    p.once('exit', resolve);
    p.send('exit');
  })));
  return results.filter(Boolean).length;
}

describe('two instances never both become the writer', () => {
  it(`exactly one of ${RACERS} processes racing for a stale lock wins (${RACES} races)`, async () => {
    const winners: number[] = [];
    for (let i = 0; i < RACES; i++) {
      const raceDir = await fs.mkdtemp(path.join(os.tmpdir(), 'rnn-lab-race-'));
      dirs.push(raceDir);
      // A lock left by a process that is gone: every racer sees it stale and tries to take it over.
      await fs.writeFile(path.join(raceDir, LOCK_NAME), JSON.stringify({ pid: 999_999_999, token: 'gone', at: '2020-01-01T00:00:00Z' }));
      winners.push(await race(raceDir));
    }
    console.log(`[lock race] winners per race: ${winners.join('')}`);
    expect(winners.filter((n) => n !== 1)).toEqual([]);
  }, 120_000);
});
