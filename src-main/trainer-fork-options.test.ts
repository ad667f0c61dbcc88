import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEAP_CAP_RANGE_MB, TRAINER_MAX_OLD_SPACE_MB, TRAINER_SERVICE_NAME, trainerForkOptions } from './trainer-fork-options';

/** The trainer utility process is forked with a V8 heap cap, and that flag really caps a V8 heap. */

const MB = 1024 * 1024;

/** Run `script` in a Node child started with `execArgv`; resolves with its stdout and how it ended. */
function runNode(execArgv: string[], script: string): Promise<{ stdout: string; code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...execArgv, '-e', script], { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ stdout, code, signal }));
  });
}

describe('trainerForkOptions', () => {
  it('passes exactly one --max-old-space-size with the cap, and names the service', () => {
    const options = trainerForkOptions();
    expect(options.serviceName).toBe(TRAINER_SERVICE_NAME);
    expect(options.execArgv.filter((a) => a.startsWith('--max-old-space-size'))).toEqual([`--max-old-space-size=${TRAINER_MAX_OLD_SPACE_MB}`]);
    expect(trainerForkOptions(512).execArgv).toContain('--max-old-space-size=512');
  });

  it('uses a finite default cap that still leaves room for the largest allowed run', () => {
    expect(TRAINER_MAX_OLD_SPACE_MB).toBeGreaterThanOrEqual(512);
    expect(TRAINER_MAX_OLD_SPACE_MB).toBeLessThanOrEqual(4096);
  });

  it('refuses a cap that is not a whole number of MB in range, naming the range', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, HEAP_CAP_RANGE_MB.min - 1, HEAP_CAP_RANGE_MB.max + 1]) {
      expect(() => trainerForkOptions(bad), String(bad)).toThrow(`from ${HEAP_CAP_RANGE_MB.min} to ${HEAP_CAP_RANGE_MB.max}`);
    }
  });

  it('is what utility-trainer.ts hands to utilityProcess.fork (the Electron glue adds no flags of its own)', () => {
    const source = readFileSync(new URL('./utility-trainer.ts', import.meta.url), 'utf8');
    expect(source).toMatch(/utilityProcess\.fork\(options\.entry, \[\], trainerForkOptions\(options\.maxOldSpaceMb\)\)/);
    expect(source).not.toMatch(/max-old-space-size/);
  });

  it('caps a real V8 heap: the limit follows the flag, and a runaway allocation dies instead of growing', async () => {
    const cap = 96;
    const { execArgv } = trainerForkOptions(cap);
    const limits = await runNode(execArgv, "process.stdout.write(String(require('v8').getHeapStatistics().heap_size_limit))");
    const limitMb = Number(limits.stdout) / MB;
    expect(limitMb).toBeGreaterThanOrEqual(cap);
    expect(limitMb).toBeLessThan(cap + 64); // old space + young generation

    const runaway = await runNode(execArgv, 'const keep = []; for (;;) keep.push(new Array(1e5).fill(Math.random()));');
    expect(runaway.code === 0 && runaway.signal === null, 'the runaway child must not exit cleanly').toBe(false);
  }, 30_000);
});
