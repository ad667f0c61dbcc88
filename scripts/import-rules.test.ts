import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layout's import rules, proved on planted source text: the project's own eslint.config.js lints a file
 * that does not exist, placed in each folder, once with a forbidden import and once with an allowed one.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The no-restricted-imports messages for `code` as if it were the file at `filePath`. */
async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const planted = x;\n`, { filePath: path.join(root, filePath) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('forbidden imports fail lint', () => {
  it.each([
    ['the engine importing the protocol', 'src-shared/engine/planted.ts', "import { x } from '../protocol/training-config';"],
    ['the engine importing the renderer', 'src-shared/engine/planted.ts', "import { x } from '../../src-renderer/lab/format';"],
    ['the engine importing main', 'src-shared/engine/planted.ts', "import { x } from '../../src-main/store/doc-store';"],
    ['shared code importing main', 'src-shared/session/planted.ts', "import { x } from '../../src-main/supervisor';"],
    ['shared code importing the preload', 'src-shared/protocol/planted.ts', "import { x } from '../../src-preload/bridge';"],
    ['shared code importing the renderer', 'src-shared/tasks/planted.ts', "import { x } from '../../src-renderer/backend/backend';"],
    ['a shared test importing main', 'src-shared/tasks/planted.test.ts', "import { x } from '../../src-main/supervisor';"],
    ['shared code importing Node', 'src-shared/tasks/planted.ts', "import { x } from 'node:fs';"],
    ['the renderer importing main', 'src-renderer/lab/planted.ts', "import { x } from '../../src-main/store/doc-store';"],
    ['a Svelte component importing main', 'src-renderer/lab/Planted.svelte', "<script lang=\"ts\">import { x } from '../../src-main/ipc';</script>"],
    ['main importing the renderer', 'src-main/planted.ts', "import { x } from '../src-renderer/backend/backend';"],
    ['a renderer module importing test scaffolding', 'src-renderer/lab/planted.ts', "import { x } from '../testing/fake-trainer';"],
    ['a Svelte component importing test scaffolding', 'src-renderer/lab/Planted.svelte', "<script lang=\"ts\">import { x } from '../testing/fake-trainer';</script>"],
    ['a shared module importing test scaffolding', 'src-shared/supervision/planted.ts', "import { x } from './testing/checkpoints';"],
    ['the engine importing test scaffolding', 'src-shared/engine/planted.ts', "import { x } from '../testing/fuzz/mutate';"],
    ['main importing test scaffolding', 'src-main/planted.ts', "import { x } from '../src-shared/supervision/testing/checkpoints';"],
    ['the preload importing test scaffolding', 'src-preload/planted.ts', "import { x } from '../src-renderer/testing/fake-bridge';"],
  ])('%s', async (_what, file, code) => {
    const source = file.endsWith('.svelte') ? code.replace('</script>', 'console.log(x);</script>') : code;
    const messages = file.endsWith('.svelte')
      ? (await eslint.lintText(source, { filePath: path.join(root, file) }))[0].messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
      : await restricted(file, code);
    expect(messages).toHaveLength(1);
  });
});

describe('allowed imports pass', () => {
  it.each([
    ['the engine importing its own modules', 'src-shared/engine/planted.ts', "import { x } from './tensor';"],
    ['the protocol importing the engine', 'src-shared/protocol/planted.ts', "import { x } from '../engine/types';"],
    ['shared code importing valibot', 'src-shared/protocol/planted.ts', "import { x } from 'valibot';"],
    ['a shared test importing Node', 'src-shared/tasks/planted.test.ts', "import { x } from 'node:fs';"],
    ['the renderer importing shared code', 'src-renderer/lab/planted.ts', "import { x } from '../../src-shared/protocol/training-config';"],
    ['main importing shared code', 'src-main/planted.ts', "import { x } from '../src-shared/protocol/ipc-contract';"],
    ['main importing its own store', 'src-main/planted.ts', "import { x } from './store/doc-store';"],
    ['a renderer test importing test scaffolding', 'src-renderer/lab/planted.test.ts', "import { x } from '../testing/fake-trainer';"],
    ['a renderer benchmark importing test scaffolding', 'src-renderer/lab/planted.bench.ts', "import { x } from '../testing/fake-trainer';"],
    ['test scaffolding importing its neighbour', 'src-renderer/testing/planted.ts', "import { x } from './fake-trainer';"],
    ['a shared test importing test scaffolding', 'src-shared/supervision/planted.test.ts', "import { x } from './testing/checkpoints';"],
    ['a main test importing shared scaffolding', 'src-main/planted.test.ts', "import { x } from '../src-shared/supervision/testing/checkpoints';"],
  ])('%s', async (_what, file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
