#!/usr/bin/env node
/**
 * Security lint of the built app (out/): runs Doyensec's electronegativity over it and fails (exit 1) on any
 * finding that scripts/security-allowlist.json does not list with a reason. Prints one summary line.
 *
 * How it runs the scanner, and why:
 * - in-process through its runner (the function its CLI calls), which returns the findings as JSON objects.
 *   The CLI's `-o x.csv` writer starts two unsynchronised fs.writeFile calls (header, then rows), so the
 *   header can truncate the rows and the CSV is not reliable;
 * - on a copy of out/ whose scripts are lowered to ES2019 with Vite's oxc transform: the scanner's AST walker
 *   predates ES2022 and, on a `#private` class field ("Unknown node type ClassPrivateProperty"), skips the whole
 *   file with a console message. Any file it still cannot parse is a PARSE_ERROR finding: a check that
 *   skipped a file has proved nothing about it;
 * - without AvailableSecurityFixesGlobalCheck (it downloads Electron's release feed), with the Electron
 *   version taken from node_modules/electron/package.json.
 *
 * Usage: node scripts/security-lint.mjs [--out <dir>] [--allowlist <file>] [--json <report.json>] [--keep]
 */
import { promises as fs, existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNNER = path.join(ROOT, 'node_modules/@doyensec/electronegativity/dist/runner.js');
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck']; // by class name, as the CLI expects
const SCRIPT_EXT = /\.(c|m)?js$/;

/** The runner's issue objects, flattened to plain findings. */
export function toFindings(issues) {
  return issues.map((i) => ({
    issue: i.id,
    severity: i.severity?.name ?? String(i.severity),
    confidence: i.confidence?.name ?? String(i.confidence),
    filename: toPosix(i.file ?? 'N/A'),
    location: `${i.location?.line ?? 0}:${i.location?.column ?? 0}`,
    sample: i.sample ?? '',
    description: i.description ?? '',
  }));
}

/** Files the scanner could not parse (its non-tolerable errors): each one is a finding of its own. */
export function parseErrorFindings(errors, baseDir) {
  return errors
    .filter((e) => !e.tolerable)
    .map((e) => ({
      issue: 'PARSE_ERROR',
      severity: 'HIGH',
      confidence: 'CERTAIN',
      filename: toPosix(path.relative(baseDir, e.file)),
      location: '0:0',
      sample: e.message,
      description: 'electronegativity could not parse this file, so none of its checks ran on it',
    }));
}

/** Allow-list entries: { issue, file?, sample?, reason }. `file` may use * for content hashes. */
export function validateAllowlist(entries) {
  if (!Array.isArray(entries)) throw new Error('the allow-list must be a JSON array');
  entries.forEach((e, i) => {
    if (typeof e?.issue !== 'string' || !e.issue) throw new Error(`allow-list entry ${i}: "issue" is required`);
    if (typeof e.reason !== 'string' || e.reason.trim().length < 10) throw new Error(`allow-list entry ${i} (${e.issue}): give a real "reason"`);
    for (const key of ['file', 'sample']) {
      if (e[key] !== undefined && typeof e[key] !== 'string') throw new Error(`allow-list entry ${i}: "${key}" must be a string`);
    }
  });
  return entries;
}

function globToRegExp(glob) {
  return new RegExp(`^${glob.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
}

/** The first allow-list entry that covers this finding, or undefined. */
export function allowedBy(finding, entries) {
  return entries.find(
    (e) =>
      e.issue === finding.issue &&
      (e.file === undefined || globToRegExp(e.file).test(finding.filename)) &&
      (e.sample === undefined || (finding.sample ?? '').includes(e.sample)),
  );
}

function toPosix(p) {
  return p.split(path.sep).join('/');
}

async function listFiles(dir) {
  const out = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else out.push(full);
  }
  return out;
}

/** Copy out/ and lower every script to ES2019 so the scanner's parser understands it. */
async function prepareScanCopy(outDir, workDir) {
  const { transformWithOxc } = await import(pathToFileURL(path.join(ROOT, 'node_modules/vite/dist/node/index.js')).href);
  const copy = path.join(workDir, 'out');
  await fs.cp(outDir, copy, { recursive: true });
  const scripts = (await listFiles(copy)).filter((f) => SCRIPT_EXT.test(f));
  for (const file of scripts) {
    const code = await fs.readFile(file, 'utf8');
    const lang = 'js';
    const result = await transformWithOxc(code, file.replace(SCRIPT_EXT, '.js'), { lang, target: 'es2019', sourcemap: false });
    await fs.writeFile(file, result.code);
  }
  return { copy, scripts: scripts.length };
}

function parseArgs(argv) {
  const args = { out: path.join(ROOT, 'out'), allowlist: path.join(ROOT, 'scripts/security-allowlist.json'), json: null, keep: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') args.out = path.resolve(argv[++i]);
    else if (argv[i] === '--json') args.json = path.resolve(argv[++i]);
    else if (argv[i] === '--allowlist') args.allowlist = path.resolve(argv[++i]);
    else if (argv[i] === '--keep') args.keep = true;
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(path.join(args.out, 'main/index.js'))) {
    console.error(`security-lint: ${args.out}/main/index.js not found; run \`npm run build\` first`);
    return 2;
  }
  const allowlist = validateAllowlist(JSON.parse(readFileSync(args.allowlist, 'utf8')));
  const electronVersion = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
  const scannerVersion = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@doyensec/electronegativity/package.json'), 'utf8')).version;

  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'rnn-lab-security-'));
  try {
    const { copy, scripts } = await prepareScanCopy(args.out, work);
    const { default: run } = await import(pathToFileURL(RUNNER).href);
    const result = await run({
      input: copy,
      isRelative: true,
      isSarif: false,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    });
    const findings = [...toFindings(result.issues), ...parseErrorFindings(result.errors, copy)];
    if (args.json) await fs.writeFile(args.json, JSON.stringify(findings, null, 2));

    const allowed = [];
    const refused = [];
    for (const f of findings) {
      const entry = allowedBy(f, allowlist);
      if (entry) allowed.push({ f, entry });
      else refused.push(f);
    }
    const used = new Set(allowed.map((a) => a.entry));
    for (const { f, entry } of allowed) console.log(`  allowed  ${f.issue} ${f.filename}:${f.location} (${entry.reason})`);
    for (const f of refused) {
      console.log(`  FAILED   ${f.issue} [${f.severity}/${f.confidence}] ${f.filename}:${f.location}`);
      console.log(`           ${f.description}${f.sample && f.sample !== 'N/A' ? `\n           sample: ${f.sample.slice(0, 200)}` : ''}`);
    }
    for (const e of allowlist.filter((e) => !used.has(e))) console.log(`  unused allow-list entry: ${e.issue}${e.file ? ` ${e.file}` : ''} (remove it?)`);
    console.log(
      `security-lint: ${findings.length} finding(s), ${allowed.length} allow-listed, ${refused.length} not allowed ` +
        `(electronegativity ${scannerVersion}: ${result.globalChecks + result.atomicChecks} checks; Electron ${electronVersion}; ${scripts} scripts) → ${refused.length ? 'FAIL' : 'ok'}`,
    );
    return refused.length ? 1 : 0;
  } finally {
    if (!args.keep) await fs.rm(work, { recursive: true, force: true });
    else console.log(`security-lint: scan copy kept in ${work}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`security-lint: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(2);
    },
  );
}
