import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { JobEvent, JobStreamCommand } from '../../src-shared/protocol/job-messages';

/**
 * The job family in the bundle electron-vite produced (out/main/trainer.js, with its training thread): a job sent
 * on the training stream is run there and its events come back on the stream. Skipped when no build exists.
 */
const BUILT = fileURLToPath(new URL('../../out/main/trainer.js', import.meta.url));
const HARNESS = fileURLToPath(new URL('./built-trainer-harness.mjs', import.meta.url));

describe('out/main/trainer.js jobs', () => {
  it.skipIf(!existsSync(BUILT))('answers an explore request and runs a race to its end on the training thread', async () => {
    const child = fork(HARNESS, [BUILT], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const events: JobEvent[] = [];
    const send = (m: JobStreamCommand) => child.send({ kind: 'stream', m });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out: ${JSON.stringify(events.map((e) => e.type))}`)), 45_000);
        child.on('exit', (code) => reject(new Error(`trainer exited with ${code}`)));
        child.on('error', () => {});
        child.on('message', (msg: { kind: string; m: { type: string; event?: JobEvent } }) => {
          if (msg.kind !== 'stream') return;
          if (msg.m.type === 'ready') {
            send({ type: 'job', command: { type: 'start', id: 1, request: { type: 'explore', rho: 0.9, T: 30, activation: 'tanh', clip: 0 } } });
            send({
              type: 'job',
              command: {
                type: 'start', id: 2,
                request: { type: 'race', task: 'memory', taskParams: { k: 3 }, cells: ['rnn', 'lstm'], steps: 30, hiddenSize: 6, batchSize: 4, learningRate: 0.01, seed: 1 },
              },
            });
          } else if (msg.m.type === 'job' && msg.m.event) {
            events.push(msg.m.event);
            if (msg.m.event.type === 'done' || msg.m.event.type === 'error') {
              clearTimeout(timer);
              resolve();
            }
          }
        });
      });
    } finally {
      child.kill('SIGKILL');
    }
    expect(events.find((e) => e.id === 1)?.type).toBe('explore-result');
    const done = events.at(-1);
    expect(done?.type === 'done' && done.results.map((r) => [r.cell, r.steps])).toEqual([['rnn', 30], ['lstm', 30]]);
    expect(events.some((e) => e.type === 'race-tick' && e.id === 2)).toBe(true);
  }, 60_000);
});
