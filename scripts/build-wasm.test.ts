import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

describe('scripts/build-wasm.mjs', () => {
  it('reproduces the committed src-shared/engine/wasm-kernels.generated.ts from wasm/*.ts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rnn-lab-wasm-check-'));
    try {
      const out = join(dir, 'generated.ts');
      execFileSync(process.execPath, [join(root, 'scripts/build-wasm.mjs'), `--out=${out}`], { cwd: root, stdio: 'pipe' });
      const committed = readFileSync(join(root, 'src-shared/engine/wasm-kernels.generated.ts'), 'utf8');
      // On failure: run `node scripts/build-wasm.mjs` and commit both the wasm/ sources and the generated file.
      expect(readFileSync(out, 'utf8') === committed, 'wasm-kernels.generated.ts is stale: run node scripts/build-wasm.mjs').toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
