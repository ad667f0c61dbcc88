import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * Test helper: bundle writer-child.ts or lock-child.ts (and the store it uses) into one plain .mjs, so each writer process in
 * the crash test starts in tens of milliseconds with bare `node` instead of compiling TypeScript through tsx.
 */
export async function bundleWriter(outDir: string, name: 'writer-child' | 'lock-child' = 'writer-child'): Promise<string> {
  const entry = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  await build({
    configFile: false,
    logLevel: 'silent',
    ssr: { noExternal: true },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rolldownOptions: { output: { format: 'es', entryFileNames: `${name}.mjs` } },
    },
  });
  return path.join(outDir, `${name}.mjs`);
}
