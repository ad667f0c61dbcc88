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
    rules: { 'no-restricted-imports': ['error', { patterns: [...SHARED_PURE, ...SHARED_NO_PROCESS] }] },
  },
  {
    // The engine is the math: it knows nothing of the messages that carry it, nor of any process.
    files: ['src-shared/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...SHARED_PURE, ...SHARED_NO_PROCESS, ENGINE_NO_PROTOCOL] }] },
  },
  {
    // Shared tests may use Node (files, child processes) but still never reach into a process.
    files: ['src-shared/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: SHARED_NO_PROCESS }] },
  },
  {
    files: ['src-shared/engine/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...SHARED_NO_PROCESS, ENGINE_NO_PROTOCOL] }] },
  },
  {
    // The renderer reaches main only through the contract (src-shared/protocol) and the preload's bridge.
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    rules: { 'no-restricted-imports': ['error', { patterns: [importOf('src-main', 'The renderer talks to main through the contract in src-shared/protocol, never by importing it.')] }] },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [importOf('src-renderer', 'Main never imports the renderer: share code through src-shared.')] }] },
  },
);
