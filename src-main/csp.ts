/**
 * The Content-Security-Policy sent with every app:// response (the page's own <meta> CSP also applies;
 * the browser enforces both). No inline script and no JavaScript eval. 'wasm-unsafe-eval' permits compiling
 * WebAssembly only (not eval): the engine's SIMD kernels run in the renderer's workers for the gradient lab's
 * race and the quiz's experiments (the trainer utility process is not governed by CSP). 'unsafe-inline' styles are
 * needed by Svelte's style: directives; blob: images are canvas exports, data: images small inline icons.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers added to every app:// response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  // With COOP, makes the page cross-origin isolated: SharedArrayBuffer, hence the engine's wasm kernels and
  // interruptible training in the page's workers. Everything the app loads is its own, so nothing is blocked.
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};
