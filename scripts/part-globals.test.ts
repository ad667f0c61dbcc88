import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The per-part tsconfigs (tsconfig.json's references), proved on planted source text: each part's program is built
 * from its own tsconfig with every file it holds, plus planted files that exist only in memory, and the planted
 * files' diagnostics are read. A global the part must not see fails; one it may use passes.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Plant = { readonly name: string; readonly code: string };

/** The type errors of each planted file, compiled as if it stood in `dir` of the part `config`. */
function plantedErrors(config: string, dir: string, plants: readonly Plant[]): Map<string, string[]> {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, config), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!parsed) throw new Error(`${config} did not parse`);
  // One program from sources: references resolve to the referenced parts' sources, nothing is emitted.
  const options: ts.CompilerOptions = { ...parsed.options, composite: false, noEmit: true, emitDeclarationOnly: false, declaration: false, incremental: false };
  const files = new Map(plants.map((p) => [path.join(root, dir, `${p.name}.ts`), p.code]));
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => files.has(path.resolve(f)) || fileExists.call(host, f);
  host.readFile = (f) => files.get(path.resolve(f)) ?? readFile.call(host, f);
  host.getSourceFile = (f, lang, ...rest) => {
    const text = files.get(path.resolve(f));
    return text === undefined ? getSourceFile.call(host, f, lang, ...rest) : ts.createSourceFile(f, text, lang);
  };
  const program = ts.createProgram({ rootNames: [...parsed.fileNames, ...files.keys()], options, host });
  const errors = new Map<string, string[]>();
  for (const [file, _] of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} is not in the program`);
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    errors.set(path.basename(file, '.ts'), diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')));
  }
  return errors;
}

describe('src-shared sees neither the DOM nor Node', () => {
  const errors = plantedErrors('tsconfig.shared.json', 'src-shared/protocol', [
    { name: 'planted-document', code: 'export const planted = document.title;' },
    { name: 'planted-window', code: 'export const planted = window.location.href;' },
    { name: 'planted-process', code: 'export const planted = process.env.HOME;' },
    { name: 'planted-buffer', code: "export const planted = Buffer.from('x');" },
    {
      name: 'planted-runtime',
      code: [
        "const url = new URL('https://example.org/a');",
        'const started = performance.now();',
        'const timer = setTimeout(() => undefined, 10);',
        'clearTimeout(timer);',
        "queueMicrotask(() => console.error(url.hostname, started, btoa('a'), atob('YQ==')));",
        "export const planted = new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode('x'));",
        'export const wasm = typeof WebAssembly === "object" && WebAssembly.validate(new Uint8Array(8));',
      ].join('\n'),
    },
  ]);

  it.each([
    ['document', 'planted-document'],
    ['window', 'planted-window'],
    ['process', 'planted-process'],
    ['Buffer', 'planted-buffer'],
  ])('%s is a compile error', (name, plant) => {
    expect(errors.get(plant)).toEqual([expect.stringContaining(`Cannot find name '${name}'`)]);
  });

  it('the runtime globals every process has compile', () => {
    expect(errors.get('planted-runtime')).toEqual([]);
  });
});

describe('the renderer sees the DOM but not Node', () => {
  const errors = plantedErrors('tsconfig.renderer.json', 'src-renderer/lab', [
    { name: 'planted-process', code: 'export const planted = process.env.HOME;' },
    { name: 'planted-buffer', code: "export const planted = Buffer.from('x');" },
    { name: 'planted-require', code: "export const planted = require('node:fs');" },
    { name: 'planted-dom', code: "export const planted = document.querySelector('main')?.getBoundingClientRect().width;" },
  ]);

  it.each([
    ['process', 'planted-process'],
    ['Buffer', 'planted-buffer'],
    ['require', 'planted-require'],
  ])('%s is a compile error', (name, plant) => {
    expect(errors.get(plant)).toEqual([expect.stringContaining(`Cannot find name '${name}'`)]);
  });

  it('the DOM compiles', () => {
    expect(errors.get('planted-dom')).toEqual([]);
  });
});

describe('a worker is typed as a worker', () => {
  const errors = plantedErrors('tsconfig.worker.json', 'src-renderer/backend', [
    { name: 'planted.worker-document', code: 'export const planted = document.title;' },
    { name: 'planted.worker-scope', code: "postMessage({ ready: true });\naddEventListener('message', (e: MessageEvent<unknown>) => e.data);\nexport {};" },
  ]);

  it("the page's document is a compile error", () => {
    expect(errors.get('planted.worker-document')).toEqual([expect.stringContaining("Cannot find name 'document'")]);
  });

  it("the worker's own scope compiles", () => {
    expect(errors.get('planted.worker-scope')).toEqual([]);
  });
});
