import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoSnapshotText, SNAPSHOT_PATH } from './build-demo-snapshots';

const root = join(import.meta.dirname, '..');

describe('scripts/build-demo-snapshots.ts', () => {
  it('reproduces the committed demo models byte for byte from the engine, the presets and the fixed seed', () => {
    const committed = readFileSync(join(root, SNAPSHOT_PATH), 'utf8');
    // On failure: run `npm run build:snapshots` and commit the JSON with the change that moved it.
    expect(demoSnapshotText() === committed, `${SNAPSHOT_PATH} is stale: run npm run build:snapshots`).toBe(true);
  }, 120_000);
});
