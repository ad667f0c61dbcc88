import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';

/**
 * Smoke test of the bundle electron-vite produced (out/main/trainer.js): the entry must load as an ES module
 * without anything from node_modules, take its port from the first parentPort message, train, heartbeat and
 * checkpoint, on its own training thread. `npm test` builds before the unit tests so this runs there; it is skipped
 * only when no build exists (a bare `vitest run`).
 */
const BUILT = fileURLToPath(new URL('../../out/main/trainer.js', import.meta.url));
const HARNESS = fileURLToPath(new URL('./built-trainer-harness.mjs', import.meta.url));

describe('out/main/trainer.js', () => {
  it.skipIf(!existsSync(BUILT))('trains, heartbeats and checkpoints behind a utility-process-shaped parentPort', async () => {
    const child = fork(HARNESS, [BUILT], { execArgv: [], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    const seen = { heartbeats: 0, checkpoints: [] as number[], steps: 0, ready: false };
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      process.stderr.write(chunk);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out: ${JSON.stringify(seen)}`)), 30_000);
        child.on('exit', (code) => reject(new Error(`trainer exited with ${code}`)));
        // A failed send rejects; once done, the acks still in flight when the child is killed may fail harmlessly.
        child.on('error', reject);
        let done = false;
        child.on('message', (msg: { kind: string; m: { type: string; [k: string]: unknown } }) => {
          if (done) return;
          const m = msg.m;
          if (msg.kind === 'control') {
            if (m.type === 'heartbeat') seen.heartbeats++;
            if (m.type === 'checkpoint') seen.checkpoints.push((m.checkpoint as { step: number }).step);
          } else if (m.type === 'ready') {
            seen.ready = true;
            child.send({ kind: 'stream', m: { type: 'configure', config: { ...DEFAULT_CONFIG, hiddenSize: 8, batchSize: 4 } } });
            child.send({ kind: 'stream', m: { type: 'start' } });
          } else if (m.type === 'stats') {
            const points = m.points as { step: number }[];
            seen.steps = Math.max(seen.steps, ...points.map((p) => p.step));
            child.send({ kind: 'stream', m: { type: 'ack', seq: m.seq } });
          }
          if (seen.steps > 20 && seen.heartbeats >= 2 && seen.checkpoints.some((s) => s > 0)) {
            done = true;
            clearTimeout(timer);
            resolve();
          }
        });
      });
    } finally {
      child.kill('SIGKILL');
    }
    expect(seen.ready).toBe(true);
    // The bundle's training thread (out/main/trainer-thread.js) loaded: no fallback to the relay thread.
    expect(stderr).not.toMatch(/training thread (could not start|failed|exited)/);
  });
});
