/**
 * Lists the exports no other file imports: `node --import tsx scripts/unused-exports.ts`.
 *
 * It reads every TypeScript file of the four parts (tsconfig.json's references) and the <script> blocks of every
 * Svelte component, records each name imported from each module (following re-exports through barrels), and prints
 * the exports of production modules that nothing imports: `(unused)` marks those not even named again in their own
 * file (dead code, to delete); the others are used inside their module and could simply stop being exported. A namespace
 * import or a dynamic import() counts as using all of a module's exports. Entry points (main, the preload, workers,
 * configs), tests, e2e and scripts are not reported, only read. It changes nothing and always exits 0.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PARTS = ['tsconfig.shared.json', 'tsconfig.renderer.json', 'tsconfig.worker.json', 'tsconfig.node.json'];

function partFiles(): { ts: string[]; svelte: string[]; options: ts.CompilerOptions } {
  const files = new Set<string>();
  let options: ts.CompilerOptions = {};
  for (const part of PARTS) {
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, part), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    if (!parsed) throw new Error(`${part} did not parse`);
    for (const f of parsed.fileNames) files.add(path.resolve(f));
    if (part === 'tsconfig.node.json') options = { ...parsed.options, noEmit: true, incremental: false, composite: false };
  }
  const svelte = ts.sys.readDirectory(path.join(root, 'src-renderer'), ['.svelte'], ['**/node_modules'], ['**/*.svelte']);
  return { ts: [...files].filter((f) => !f.endsWith('.svelte')), svelte: svelte.map((f) => path.resolve(f)), options };
}

/** Files whose exports are entry points or test code: read for their imports, never reported. */
const NOT_REPORTED = [
  /\.d\.ts$/,
  /\.test\.ts$/,
  /\.bench\.ts$/,
  /\.worker\.ts$/,
  /\/testing\//,
  /^e2e\//,
  /^scripts\//,
  /^[^/]+\.config\.ts$/,
  /^src-main\/index\.ts$/,
  /^src-preload\/index\.ts$/,
  /^src-renderer\/main\.ts$/,
];

type Use = { readonly file: string; readonly name: string | '*' };

function main(): void {
  const { ts: tsFiles, svelte, options } = partFiles();
  const program = ts.createProgram({ rootNames: tsFiles, options });
  const checker = program.getTypeChecker();
  const host = ts.createCompilerHost(options);

  const resolve = (spec: string, from: string): string | null => {
    // A component (`./X.svelte`), not a rune module (`./x.svelte` is x.svelte.ts).
    if (spec.endsWith('.svelte') && !ts.sys.fileExists(path.resolve(path.dirname(from), `${spec}.ts`))) {
      return spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : null;
    }
    const r = ts.resolveModuleName(spec, from, options, host).resolvedModule;
    if (!r || r.isExternalLibraryImport) return null;
    return path.resolve(r.resolvedFileName);
  };

  const uses: Use[] = [];
  /** Re-exports: `export { a as b } from './x'` in file F means F's b is x's a; `export * from './x'` forwards all. */
  const forwards = new Map<string, { from: string; name: string | '*'; as: string | '*' }[]>();

  const scan = (sf: ts.SourceFile): void => {
    const file = path.resolve(sf.fileName);
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const target = resolve(node.moduleSpecifier.text, file);
        const clause = node.importClause;
        if (target && clause) {
          if (clause.name) uses.push({ file: target, name: 'default' });
          const bindings = clause.namedBindings;
          if (bindings && ts.isNamespaceImport(bindings)) uses.push({ file: target, name: '*' });
          if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) uses.push({ file: target, name: (el.propertyName ?? el.name).text });
        }
      } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const target = resolve(node.moduleSpecifier.text, file);
        if (target) {
          const list = forwards.get(file) ?? [];
          if (!node.exportClause) list.push({ from: target, name: '*', as: '*' });
          else if (ts.isNamespaceExport(node.exportClause)) list.push({ from: target, name: '*', as: node.exportClause.name.text });
          else for (const el of node.exportClause.elements) list.push({ from: target, name: (el.propertyName ?? el.name).text, as: el.name.text });
          forwards.set(file, list);
        }
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [arg] = node.arguments;
        if (arg && ts.isStringLiteral(arg)) {
          const target = resolve(arg.text, file);
          if (target) uses.push({ file: target, name: '*' });
        }
      } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        const target = resolve(node.argument.literal.text, file);
        if (target) uses.push({ file: target, name: node.qualifier && ts.isIdentifier(node.qualifier) ? node.qualifier.text : '*' });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  };

  for (const sf of program.getSourceFiles()) if (!sf.fileName.includes('/node_modules/')) scan(sf);
  for (const file of svelte) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) scan(ts.createSourceFile(file, m[1], ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS));
  }

  // Follow uses through re-exports until nothing new is reached.
  const used = new Map<string, Set<string>>();
  const mark = (file: string, name: string): boolean => {
    const set = used.get(file) ?? new Set<string>();
    used.set(file, set);
    if (set.has(name)) return false;
    set.add(name);
    return true;
  };
  const queue = [...uses];
  while (queue.length > 0) {
    const u = queue.pop()!;
    if (!mark(u.file, u.name)) continue;
    for (const f of forwards.get(u.file) ?? []) {
      if (u.name === '*') queue.push({ file: f.from, name: f.name });
      else if (f.as === u.name) queue.push({ file: f.from, name: f.name === '*' ? '*' : f.name });
      else if (f.as === '*' && f.name === '*') queue.push({ file: f.from, name: u.name });
    }
  }

  const unused: string[] = [];
  for (const sf of program.getSourceFiles()) {
    const rel = path.relative(root, sf.fileName).split(path.sep).join('/');
    if (rel.startsWith('..') || rel.includes('node_modules/') || NOT_REPORTED.some((re) => re.test(rel))) continue;
    const moduleSymbol = checker.getSymbolAtLocation(sf);
    if (!moduleSymbol) continue;
    const set = used.get(path.resolve(sf.fileName)) ?? new Set<string>();
    if (set.has('*')) continue;
    const names = checker.getExportsOfModule(moduleSymbol).map((s) => s.name);
    const unimported = names.filter((n) => !set.has(n));
    if (unimported.length === 0) continue;
    // Named once in its own file (its declaration): dead code, not just an export that could be dropped.
    const mentions = new Map<string, number>();
    const count = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) mentions.set(node.text, (mentions.get(node.text) ?? 0) + 1);
      ts.forEachChild(node, count);
    };
    count(sf);
    const shown = unimported.map((n) => ((mentions.get(n) ?? 0) <= 1 ? `${n} (unused)` : n));
    unused.push(`${rel}: ${shown.join(', ')}${unimported.length === names.length ? '  (no export of this file is imported)' : ''}`);
  }
  console.log(unused.length === 0 ? 'no unused exports' : unused.sort().join('\n'));
}

main();
