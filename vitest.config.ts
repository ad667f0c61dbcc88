import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const svelteConfig = fileURLToPath(new URL('./svelte.config.js', import.meta.url));

/**
 * Tests that assert wall-clock bounds on real trainer processes (pause/stop within 100 ms, crash reported and
 * replaced within 500 ms). They run in a project of their own, one file at a time and after the other tests
 * (`npm run test:unit` invokes it separately), so what they measure is the app's latency on the machine, not the
 * contention of the test runner's other workers. Measured under contention, they are in the closing notes.
 * supervisor.test.ts is one of them (restarted within 500 ms of a SIGKILL) since the other projects run two files
 * at a time.
 */
const TIMING = ['src-main/trainer-command-latency.test.ts', 'src-main/supervisor-chaos.test.ts', 'src-main/supervisor.test.ts'];

/**
 * Files run at once by the node and dom projects. Vitest's default is one less than the cores: on the 2-core CI
 * machine that is a single worker, which ran the ~180 files one after another (most of each file's time is
 * loading jsdom and modules, not the tests themselves).
 */
const WORKERS = Math.max(2, availableParallelism());

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src-shared/**/*.test.ts', 'src-main/**/*.test.ts', 'src-preload/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...TIMING],
          maxWorkers: WORKERS,
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'timing',
          environment: 'node',
          include: TIMING,
          fileParallelism: false,
          testTimeout: 60_000,
        },
      },
      {
        plugins: [svelte({ configFile: svelteConfig })],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'dom',
          // Each file in a fresh VM context of a reused worker, instead of a fresh process that loads jsdom again
          // (about 1 s of CPU per file, 93 files): the same isolation per file, at about half the CPU. The node
          // project stays on plain forks: its child processes, workers and structured clones need one realm.
          pool: 'vmForks',
          environment: 'jsdom',
          include: ['src-renderer/**/*.test.ts'],
          maxWorkers: WORKERS,
          testTimeout: 30_000,
        },
      },
    ],
  },
});
