import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * Test helper: bundle writer-child.ts (and the store it uses) into one plain .mjs, so each writer process in
 * the crash test starts in tens of milliseconds with bare `node` instead of compiling TypeScript through tsx.
 */
export async function bundleWriter(outDir: string): Promise<string> {
  const entry = fileURLToPath(new URL('./writer-child.ts', import.meta.url));
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
      rolldownOptions: { output: { format: 'es', entryFileNames: 'writer-child.mjs' } },
    },
  });
  return path.join(outDir, 'writer-child.mjs');
}
