import type { Plugin } from 'vite';

/**
 * troika-three-text looks for a fallback font on a CDN (jsDelivr) for any character its fonts lack. The 3D view only
 * ever asks for characters its bundled font draws (src-renderer/views/unrolled/scene/label-text.ts), so that code
 * never runs; this build step takes the CDN's address out of the bundle as well, so the app holds no address it
 * could fetch (e2e/browser-no-network.spec.ts scans for them) and a fallback, were one ever asked for, would fail
 * inside the app's own origin instead of reaching the network.
 */
export const TROIKA_FALLBACK_CDN = 'https://cdn.jsdelivr.net/gh/lojjic/unicode-font-resolver@v1.0.1/packages/data';

export function troikaOffline(): Plugin {
  return {
    name: 'rnn-lab:troika-offline',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]troika-three-text[\\/]/.test(id) || !code.includes(TROIKA_FALLBACK_CDN)) return null;
      return { code: code.split(TROIKA_FALLBACK_CDN).join('./no-fallback-fonts'), map: null };
    },
  };
}
