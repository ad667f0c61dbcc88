import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TROIKA_FALLBACK_CDN, troikaOffline } from './troika-offline';

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

  it('leaves every other module alone', () => {
    expect(transform(`const u = "${TROIKA_FALLBACK_CDN}"`, '/x/node_modules/three/build/three.module.js')).toBeNull();
    expect(transform('const a = 1', '/x/node_modules/troika-three-text/dist/troika-three-text.esm.js')).toBeNull();
  });
});
