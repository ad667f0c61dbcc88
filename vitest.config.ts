import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const svelteConfig = fileURLToPath(new URL('./svelte.config.js', import.meta.url));

/**
 * Tests that assert wall-clock bounds on real trainer processes (pause/stop within 100 ms, crash reported and
 * replaced within 500 ms). They run in a project of their own, one file at a time and after the other tests
 * (`npm run test:unit` invokes it separately), so what they measure is the app's latency on the machine, not the
 * contention of the test runner's other workers. Measured under contention, they are in the closing notes.
 */
const TIMING = ['src-main/trainer-command-latency.test.ts', 'src-main/supervisor-chaos.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src-shared/**/*.test.ts', 'src-main/**/*.test.ts', 'src-preload/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...TIMING],
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
          environment: 'jsdom',
          include: ['src-renderer/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
