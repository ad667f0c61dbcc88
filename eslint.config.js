import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/** A ban on importing anything inside the top-level folder (or subfolder) `name`, however the path is written. */
const importOf = (name, message) => ({ regex: `(^|/)${name}(/|$)`, message });

const SHARED_PURE = [
  { group: ['node:*', 'electron', 'svelte', 'svelte/*', 'three', 'three/*', 'd3', 'd3-*'], message: 'src-shared stays pure TypeScript.' },
];
const SHARED_NO_PROCESS = ['src-main', 'src-preload', 'src-renderer'].map((dir) =>
  importOf(dir, `src-shared is used by every process and imports none of them (${dir}).`),
);
const ENGINE_NO_PROTOCOL = importOf('protocol', 'The engine imports no protocol: the protocol describes the engine, not the other way round.');
const RENDERER_NO_MAIN = importOf('src-main', 'The renderer talks to main through the contract in src-shared/protocol, never by importing it.');
const MAIN_NO_RENDERER = importOf('src-renderer', 'Main never imports the renderer: share code through src-shared.');
const NO_TESTING = importOf('testing', 'Production code never imports test scaffolding: testing/ folders serve tests only.');
/** Where test code lives in a folder: tests, benchmarks and the testing/ scaffolding they share. */
const testsOf = (dir) => [`${dir}/**/*.test.ts`, `${dir}/**/*.bench.ts`, `${dir}/**/testing/**/*.ts`];

export default tseslint.config(
  // wasm/ is AssemblyScript (function decorators, wasm types), built by scripts/build-wasm.mjs, not TypeScript.
  { ignores: ['node_modules/', 'out/', 'dist/', 'dist-web/', 'test-results/', 'playwright-report/', 'coverage/', 'wasm/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval: the CSP forbids it.' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { projectService: false, extraFileExtensions: ['.svelte'], parser: tseslint.parser, svelteConfig } },
  },
  // The layout's import rules (README "How it is built"); scripts/import-rules.test.ts plants imports to prove them.
  // ESLint replaces, not merges, a rule set again for a narrower folder, so each block lists all its bans.
  {
    // The engine, tasks and protocol run in every process: no DOM, Node, Electron or UI imports, and no process code.
    files: ['src-shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...SHARED_PURE, ...SHARED_NO_PROCESS, NO_TESTING] }] },
  },
  {
    // The engine is the math: it knows nothing of the messages that carry it, nor of any process.
    files: ['src-shared/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...SHARED_PURE, ...SHARED_NO_PROCESS, ENGINE_NO_PROTOCOL, NO_TESTING] }] },
  },
  {
    // Shared tests and their scaffolding may use Node (files, child processes) but still never reach into a process.
    files: testsOf('src-shared'),
    rules: { 'no-restricted-imports': ['error', { patterns: SHARED_NO_PROCESS }] },
  },
  {
    files: testsOf('src-shared/engine'),
    rules: { 'no-restricted-imports': ['error', { patterns: [...SHARED_NO_PROCESS, ENGINE_NO_PROTOCOL] }] },
  },
  {
    // The renderer reaches main only through the contract (src-shared/protocol) and the preload's bridge.
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    rules: { 'no-restricted-imports': ['error', { patterns: [RENDERER_NO_MAIN, NO_TESTING] }] },
  },
  {
    files: testsOf('src-renderer'),
    rules: { 'no-restricted-imports': ['error', { patterns: [RENDERER_NO_MAIN] }] },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [MAIN_NO_RENDERER, NO_TESTING] }] },
  },
  {
    files: testsOf('src-main'),
    rules: { 'no-restricted-imports': ['error', { patterns: [MAIN_NO_RENDERER] }] },
  },
  {
    files: ['src-preload/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_TESTING] }] },
  },
  {
    files: testsOf('src-preload'),
    rules: { 'no-restricted-imports': 'off' },
  },
);
