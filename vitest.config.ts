import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const svelteConfig = fileURLToPath(new URL('./svelte.config.js', import.meta.url));

/**
 * Tests that only the long tier (`npm run test:long`, RNN_LAB_LONG=1) runs. The command-latency test still misses its
 * 100 ms bound on a loaded 2-core machine (see the issue notes), so it is kept out of `npm test` until it is fixed,
 * not loosened.
 */
const longOnly = process.env.RNN_LAB_LONG === '1' ? [] : ['src-main/trainer-command-latency.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src-shared/**/*.test.ts', 'src-main/**/*.test.ts', 'src-preload/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...longOnly],
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
