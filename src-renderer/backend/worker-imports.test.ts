import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Every module a worker loads, following relative imports from its entry file. */
function importGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/^import\s+(?!type\b)[^'"]*['"](\.[^'"]+)['"]/gm)) {
      visit(resolve(dirname(file), m[1].endsWith('.ts') ? m[1] : `${m[1]}.ts`));
    }
  };
  visit(entry);
  return [...seen];
}

describe('the workers’ bundles', () => {
  const here = dirname(fileURLToPath(import.meta.url));
  it('the trainer worker (training and the Gradients jobs) loads no rune module and no message catalogue: it has no locale, and runes do not compile there', () => {
    const graph = importGraph(resolve(here, 'trainer.worker.ts'));
    expect(graph.some((f) => f.includes('/src-shared/jobs/'))).toBe(true);
    expect(graph.length).toBeGreaterThan(3);
    expect(graph.filter((f) => f.includes('.svelte') || f.includes('/src-renderer/i18n/'))).toEqual([]);
  });
});
