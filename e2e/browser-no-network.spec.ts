import { expect, test } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTERNAL_HOSTS } from '../src-shared/protocol/external-links';
import { offendingUrls, shippedFiles, urlsIn } from './bundle-urls';

/** The built bundles hold no address the app could fetch (school IT: zero network calls). Runs after both builds. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

test('the scan finds a planted address, protocol-relative ones included, and passes the allowed kinds', () => {
  const planted = [{ file: 'x.js', text: 'fetch("https://cdn.example.com/font.woff2");import("//evil.example/m.js");const ns="http://www.w3.org/2000/svg"' }];
  expect(offendingUrls(planted, EXTERNAL_HOSTS).map((f) => f.url)).toEqual(['https://cdn.example.com/font.woff2', '//evil.example/m.js']);
  expect(offendingUrls([{ file: 'r.js', text: '"https://arxiv.org/abs/1409.3215"' }], EXTERNAL_HOSTS)).toEqual([]);
  expect(urlsIn('a http://127.0.0.1:4173/x b').map((u) => u.host)).toEqual(['127.0.0.1']);
});

for (const dir of ['out', 'dist-web']) {
  test(`${dir}/ asks for nothing outside the app`, () => {
    const root = path.join(ROOT, dir);
    test.skip(!existsSync(root), `${dir}/ is not built (npm test builds it first)`);
    const files = shippedFiles(root);
    expect(files.length).toBeGreaterThan(5);
    expect(offendingUrls(files, EXTERNAL_HOSTS)).toEqual([]);
  });
}

test('the desktop build never calls an auto-updater (IT keeps every machine on the version it installed)', () => {
  const root = path.join(ROOT, 'out');
  test.skip(!existsSync(root), 'out/ is not built (npm test builds it first)');
  expect(shippedFiles(root).filter((f) => /\bautoUpdater\b|electron-updater|update-electron-app/.test(f.text)).map((f) => f.file)).toEqual([]);
});
