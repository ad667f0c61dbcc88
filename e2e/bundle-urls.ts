import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The no-network guarantee, checked on what ships: every absolute URL in the built bundles (out/ for Electron,
 * dist-web/ for the browser build) must be one the app never fetches. At runtime the CSP (connect-src 'self')
 * enforces the same; this catches a new dependency or a new line of ours that would try, before it ships.
 */
export interface UrlRule {
  readonly host: string;
  readonly reason: string;
}

/** Hosts whose URLs appear as text the app never requests. A host not listed here fails the scan. */
export const NEVER_FETCHED: readonly UrlRule[] = [
  { host: 'www.w3.org', reason: 'XML namespace identifiers (SVG, MathML, XLink): names, not addresses' },
  { host: 'svelte.dev', reason: "Svelte's runtime error messages link to their documentation" },
  { host: 'bit.ly', reason: "workbox's error message about precaching links to its documentation" },
  ...[
    'developer.mozilla.org',
    'w3c.github.io',
    'www.unicode.org',
    'www.opengl-tutorial.org',
    'www.russellcottrell.com',
    'mathworld.wolfram.com',
    'jcgt.org',
    'www.rorydriscoll.com',
    'www.bobatkins.com',
    'www.oodesign.com',
    'webglstats.com',
  ].map((host) => ({ host, reason: 'a citation in a comment of three.js, KaTeX, d3 or troika-three-text' })),
];

export interface Found {
  readonly file: string;
  readonly url: string;
}

const URL_RE = /(?:\bhttps?:|(?<![\w:/\\]))\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?[^\s"'`)<>]*/gi;

/** Every absolute or protocol-relative URL in a text, with its host. */
export function urlsIn(text: string): { url: string; host: string }[] {
  return [...text.matchAll(URL_RE)].map((m) => ({ url: m[0], host: m[1].toLowerCase() }));
}

/**
 * URLs that could leave the app: not on the never-fetched list and not one of `linkHosts`, the lesson's reference
 * sites, which only the allow-listed opener sends to the system browser (never fetched by the app).
 */
export function offendingUrls(files: readonly { file: string; text: string }[], linkHosts: readonly string[]): Found[] {
  const ok = new Set([...NEVER_FETCHED.map((r) => r.host), ...linkHosts]);
  return files.flatMap(({ file, text }) => urlsIn(text).filter((u) => !ok.has(u.host)).map((u) => ({ file, url: u.url })));
}

const SHIPPED = /\.(m?js|cjs|html|css|webmanifest|json)$/;

/** The text files a build directory ships (source maps are not packaged). */
export function shippedFiles(dir: string): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (SHIPPED.test(name)) out.push({ file: path.relative(dir, p), text: readFileSync(p, 'utf8') });
    }
  };
  walk(dir);
  return out;
}
