import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import { troikaOffline } from './scripts/troika-offline';

/**
 * Three builds (electron-vite 6 / Vite 8, so `rolldownOptions`):
 * - main: the Electron main process (out/main/index.js), the trainer utility process (out/main/trainer.js) and its
 *   training thread (out/main/trainer-thread.js),
 *   ES modules because package.json says "type": "module";
 * - preload: CommonJS out/preload/index.cjs, because sandboxed preloads cannot be ES modules;
 * - renderer: the Svelte app from src-renderer into out/renderer, served in the app from app://rnn-lab/.
 * Every dependency is bundled (nothing in package.json "dependencies"), so the package needs no node_modules.
 */
const abs = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: abs('./out/main'),
      externalizeDeps: false,
      rolldownOptions: {
        input: {
          index: abs('./src-main/index.ts'),
          trainer: abs('./src-main/trainer/index.ts'),
          'trainer-thread': abs('./src-main/trainer/trainer-thread.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/shared-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: abs('./out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: abs('./src-preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
      },
    },
  },
  renderer: {
    root: abs('./src-renderer'),
    plugins: [svelte({ configFile: abs('./svelte.config.js') }), troikaOffline()],
    // Module workers (the gradient lab's race) need ES output, as in the web build.
    worker: { format: 'es' },
    build: {
      outDir: abs('./out/renderer'),
      rolldownOptions: {
        input: { index: abs('./src-renderer/index.html') },
      },
    },
  },
});
