#!/usr/bin/env node
/**
 * Run independent npm scripts side by side and fail if any fails: `npm test` uses it for the checks and builds
 * that do not depend on each other (typecheck, lint, the app build then its security lint, the web build), which
 * each keep one core busy for 5–30 s. Run one after another on a 2-core machine, half of it sat idle.
 *
 * Usage: node scripts/run-parallel.mjs [--jobs N] <script> [<script>...]
 *   Each <script> is a package.json script name; `a+b` runs a then b in the same lane (b needs a's output).
 *   At most N lanes run at once (default: the machine's cores, at least 2). Each lane's output is printed in
 *   one piece when it ends, so logs never interleave; the first failure stops the lanes still running
 *   (their process groups, which this script started) and the exit code is 1.
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
let jobs = Math.max(2, availableParallelism());
if (args[0] === '--jobs') {
  jobs = Number(args[1]);
  args.splice(0, 2);
  if (!Number.isInteger(jobs) || jobs < 1) fail('--jobs needs a positive whole number');
}
if (args.length === 0) fail('name at least one npm script');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function fail(message) {
  console.error(`run-parallel: ${message}`);
  process.exit(2);
}

const running = new Set();
let failed = false;

/** Run one npm script, collecting its output; resolves with its exit code. */
function runScript(name, lane) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
    running.add(child);
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    child.on('error', (err) => chunks.push(Buffer.from(`${err.message}\n`)));
    child.on('close', (code, signal) => {
      running.delete(child);
      lane.output.push(...chunks);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Stop every lane still running (each is its own process group, so a Ctrl-C does not reach it by itself). */
function stopAll() {
  for (const child of running) {
    try {
      process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });
}

async function runLane(spec) {
  const lane = { spec, output: [] };
  const started = performance.now();
  let code = 0;
  for (const name of spec.split('+')) {
    if (failed) return;
    code = await runScript(name, lane);
    if (code !== 0) break;
  }
  if (failed && code !== 0) return; // stopped because another lane failed: its output would only be noise
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`\n── ${spec} (${code === 0 ? 'ok' : `failed, exit ${code}`}, ${seconds} s) ──\n`);
  process.stdout.write(Buffer.concat(lane.output));
  if (code !== 0 && !failed) {
    failed = true;
    stopAll();
  }
}

const queue = [...args];
await Promise.all(
  Array.from({ length: Math.min(jobs, queue.length) }, async () => {
    while (queue.length > 0 && !failed) await runLane(queue.shift());
  }),
);
process.exit(failed ? 1 : 0);
