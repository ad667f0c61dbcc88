import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { troikaOffline } from './scripts/troika-offline';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The browser build of the renderer: the same Svelte app, training in a module Web Worker. */
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Cross-origin isolation, as the Electron app serves it (src-main/csp.ts): it gives the workers SharedArrayBuffer,
 * so they train with the wasm kernels and a pause cuts a step short. A static host without these headers still
 * works, on the portable kernels, with pauses taking effect between steps.
 */
const ISOLATION_HEADERS = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/**
 * The browser build as an installable, offline web app. The service worker precaches every file of the build (JS,
 * CSS, wasm, fonts, corpora, icons) under one revisioned manifest: a new build installs beside the old one and waits,
 * the page says a new version is ready, and only a reload moves to it, so one page never mixes two versions.
 * `policy.json` (and a lesson pack it names) are the host's files, not the build's: fetched from the network first,
 * with the last copy kept for offline use. Paths are relative, so the app works from any sub-path.
 */
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false, // src-renderer/backend/service-worker.ts registers it, in the browser shell only
  filename: 'sw.js',
  manifestFilename: 'manifest.webmanifest',
  includeManifestIcons: false, // the glob below already precaches them
  manifest: {
    name: 'RNN Lab',
    short_name: 'RNN Lab',
    description: 'Train recurrent neural networks and watch them think: a lesson that works offline.',
    lang: 'en',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#111f40',
    theme_color: '#111f40',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    ],
  },
  workbox: {
    // KaTeX ships each font as woff2, woff and ttf; every browser that runs this app loads the woff2. The 3D view's
    // label font is a ttf of our own (troika reads it to make its distance fields).
    globPatterns: ['**/*.{html,js,css,wasm,woff2,svg,png,json,txt}', '**/DejaVuSansCondensed-Bold.subset*.ttf'],
    maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
    cleanupOutdatedCaches: true,
    clientsClaim: false,
    skipWaiting: false,
    runtimeCaching: [
      {
        urlPattern: ({ sameOrigin, url }) => sameOrigin && url.pathname.endsWith('.json'),
        handler: 'NetworkFirst',
        // A 404 is remembered too: "this host has no policy" must hold offline, not turn into a read error.
        options: { cacheName: 'rnn-lab-host-files', networkTimeoutSeconds: 4, cacheableResponse: { statuses: [200, 404] } },
      },
    ],
  },
});

export default defineConfig({
  root: here('./src-renderer'),
  base: './',
  plugins: [svelte({ configFile: here('./svelte.config.js') }), troikaOffline(), pwa],
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
