import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { contentTypeFor, resolveAppPath } from './app-path';
import { SECURITY_HEADERS } from './csp';

/**
 * The renderer is served from app://rnn-lab/ instead of file://: Chromium refuses Vite's module scripts
 * and module workers on file:// (origin 'null'), and a real origin lets CSP 'self' and the IPC sender
 * check mean something.
 *
 * Privileges: `standard` (relative URLs, a real origin, storage), `secure` (a secure context),
 * `supportFetchAPI` (fetch() of bundled datasets and wasm), `codeCache` (V8 code cache for our scripts).
 * No `corsEnabled`: every request is same-origin, and standard schemes allow those.
 * No `bypassCSP`, no service workers, no `stream`.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serve files from `rootDir` (out/renderer) with the CSP and security headers. Call after app ready. */
export function serveRenderer(rootDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveAppPath(rootDir, request.url, APP_HOST);
    if (!file) return plain(404, 'Not found');
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { 'Content-Type': contentTypeFor(file), ...SECURITY_HEADERS },
      });
    } catch {
      return plain(404, 'Not found');
    }
  });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS } });
}
