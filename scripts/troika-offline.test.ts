import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TROIKA_FALLBACK_CDN, TROIKA_WORKER_PROBE, troikaOffline } from './troika-offline';

type Transform = (code: string, id: string) => { code: string } | null;
const transform = troikaOffline().transform as unknown as Transform;

describe('troikaOffline()', () => {
  it('the installed troika-three-text still names this CDN (an upgrade that moves it fails here, not at runtime)', () => {
    const pkg = path.dirname(createRequire(import.meta.url).resolve('troika-three-text/package.json'));
    const esm = readFileSync(path.join(pkg, 'dist/troika-three-text.esm.js'), 'utf8');
    expect(esm).toContain(TROIKA_FALLBACK_CDN);
    const out = transform(esm, path.join(pkg, 'dist/troika-three-text.esm.js'));
    expect(out?.code).not.toContain('cdn.jsdelivr.net/gh/lojjic/unicode-font-resolver');
  });

  it('makes troika-worker-utils answer "no workers" without creating a blob: worker the CSP would block', () => {
    const pkg = path.dirname(createRequire(import.meta.url).resolve('troika-worker-utils/package.json'));
    const file = path.join(pkg, 'dist/troika-worker-utils.esm.js');
    const esm = readFileSync(file, 'utf8');
    expect(esm).toContain(TROIKA_WORKER_PROBE);
    const code = transform(esm, file)?.code ?? '';
    const probe = code.slice(code.indexOf('var supportsWorkers'));
    expect(probe.startsWith('var supportsWorkers = function () { return false; };')).toBe(true);
    // The original probe survives only under another name that nothing calls.
    expect(code.match(/supportsWorkers = function/g)).toHaveLength(2);
    expect(code).not.toMatch(/unusedWorkerProbe\(/);
  });

  it('leaves every other module alone', () => {
    expect(transform(`const u = "${TROIKA_FALLBACK_CDN}"`, '/x/node_modules/three/build/three.module.js')).toBeNull();
    expect(transform('const a = 1', '/x/node_modules/troika-three-text/dist/troika-three-text.esm.js')).toBeNull();
  });
});
