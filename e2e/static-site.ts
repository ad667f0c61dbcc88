import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A plain static web server for the browser build, as a school intranet would host it: under a sub-path, with or
 * without the cross-origin isolation headers, and with files the host adds (policy.json) or changes (a new sw.js).
 * No single-page-app fallback: a missing file is a 404, as on a plain server. Loopback only.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticSite {
  /** The app's address, e.g. http://127.0.0.1:40123/rnn-lab/ */
  readonly url: string;
  /** Serve `content` at `name` (relative to the app folder) instead of the build's file, or add it. */
  setFile(name: string, content: string): void;
  /** Text of a built file as it would be served now. */
  fileText(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function serveSite(opts: { root: string; prefix: string; isolation: boolean }): Promise<StaticSite> {
  const overlay = new Map<string, string>();
  const read = async (rel: string): Promise<Buffer | null> => {
    if (overlay.has(rel)) return Buffer.from(overlay.get(rel)!);
    const file = path.resolve(opts.root, rel);
    if (!file.startsWith(path.resolve(opts.root) + path.sep)) return null;
    return readFile(file).catch(() => null);
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (!pathname.startsWith(opts.prefix)) return res.writeHead(404).end();
      const rel = pathname.slice(opts.prefix.length) || 'index.html';
      const body = await read(rel);
      if (!body) return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      const headers: Record<string, string> = { 'content-type': TYPES[path.extname(rel)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
      if (opts.isolation) Object.assign(headers, { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' });
      res.writeHead(200, headers).end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}${opts.prefix}`,
    setFile: (name, content) => void overlay.set(name, content),
    fileText: async (name) => (await read(name))?.toString('utf8') ?? '',
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The built browser app (npm run build:web). */
export const DIST_WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist-web');
