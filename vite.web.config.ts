import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The browser build of the renderer: the same Svelte app, training in a module Web Worker. */
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Cross-origin isolation, as the Electron app serves it (src-main/csp.ts): it gives the workers SharedArrayBuffer,
 * so they train with the wasm kernels and a pause cuts a step short. A static host without these headers still
 * works, on the portable kernels, with pauses taking effect between steps.
 */
const ISOLATION_HEADERS = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  root: here('./src-renderer'),
  base: './',
  plugins: [svelte({ configFile: here('./svelte.config.js') })],
  build: {
    outDir: here('./dist-web'),
    emptyOutDir: true,
    target: 'es2022',
    // Workers, WebAssembly and every asset come from our own origin; nothing is inlined as a data: URL script.
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
  server: { fs: { allow: [here('.')] }, headers: ISOLATION_HEADERS },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, headers: ISOLATION_HEADERS },
});
