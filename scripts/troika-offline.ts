import type { Plugin } from 'vite';

/**
 * troika-three-text looks for a fallback font on a CDN (jsDelivr) for any character its fonts lack. The 3D view only
 * ever asks for characters its bundled font draws (src-renderer/views/unrolled/scene/label-text.ts), so that code
 * never runs; this build step takes the CDN's address out of the bundle as well, so the app holds no address it
 * could fetch (e2e/browser-no-network.spec.ts scans for them) and a fallback, were one ever asked for, would fail
 * inside the app's own origin instead of reaching the network.
 */
export const TROIKA_FALLBACK_CDN = 'https://cdn.jsdelivr.net/gh/lojjic/unicode-font-resolver@v1.0.1/packages/data';

/**
 * troika-worker-utils decides whether to use Web Workers by creating one from a blob: URL. The app's CSP allows
 * workers only from its own files (`worker-src 'self'`), and Chromium does not throw on that: it logs a violation and
 * blocks the worker later, so troika would believe workers work and post its jobs to workers that never run. The
 * 3D view configures troika to typeset on the main thread (label-font.ts); this step makes the probe answer "no"
 * without creating anything, so every troika job (distance fields included) runs on the main thread.
 */
export const TROIKA_WORKER_PROBE = 'var supportsWorkers = function () {';
const NO_WORKERS = 'var supportsWorkers = function () { return false; };\nvar unusedWorkerProbe = function () {';

export function troikaOffline(): Plugin {
  return {
    name: 'rnn-lab:troika-offline',
    enforce: 'pre',
    transform(code, id) {
      if (/[\\/]troika-worker-utils[\\/]/.test(id) && code.includes(TROIKA_WORKER_PROBE)) {
        return { code: code.split(TROIKA_WORKER_PROBE).join(NO_WORKERS), map: null };
      }
      if (!/[\\/]troika-three-text[\\/]/.test(id) || !code.includes(TROIKA_FALLBACK_CDN)) return null;
      return { code: code.split(TROIKA_FALLBACK_CDN).join('./no-fallback-fonts'), map: null };
    },
  };
}
