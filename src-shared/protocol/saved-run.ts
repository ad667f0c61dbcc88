import * as v from 'valibot';
import { describeIssues } from './describe-issues';
import { SavedStepDetailSchema } from './step-detail';
import { CheckpointSchema, type StepDetail } from './trainer-messages';
import type { ChainStepTrace } from '../engine/types';
import { problem, type Problem, type ProblemCode, type ProblemParams } from './problem';

/**
 * A saved run: everything needed to reopen it exactly (the checkpoint: config with seed and dataset, weights,
 * optimizer state, loss history) and the view's thinned snapshots. Stored as a `run:<id>` document of its own
 * (run-docs.ts) and, one at a time, in a `*.rnnlab.json` run file.
 */

/** Snapshots a saved run carries: the view's history thinned again to this many, at most SAVED_SNAPSHOT_NUMBERS numbers. */
export const SAVED_SNAPSHOT_CAP = 16;
export const SAVED_SNAPSHOT_NUMBERS = 120_000;

/** Runs saved before runs had ids get one when read (kept from then on, once the list is written again). */
let legacyIds = 0;
const legacyId = () => `run-legacy-${Date.now().toString(36)}-${legacyIds++}`;

export const SavedRunSchema = v.strictObject({
  id: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(40)), legacyId),
  name: v.pipe(v.string(), v.minLength(1, 'name must not be empty'), v.maxLength(80, 'name must be at most 80 characters')),
  savedAt: v.pipe(v.string(), v.maxLength(40)),
  checkpoint: CheckpointSchema,
  snapshots: v.optional(v.pipe(v.array(SavedStepDetailSchema), v.maxLength(SAVED_SNAPSHOT_CAP)), []),
});
export type SavedRun = v.InferOutput<typeof SavedRunSchema>;

/** Most runs kept in the `runs` document. */
export const MAX_SAVED_RUNS = 20;

// ── run files ─────────────────────────────────────────────────────────────

export const RUN_FILE_FORMAT = 'rnnlab-run';
export const RUN_FILE_VERSION = 1;
/** Largest run file read or written: a 256-unit, 2-layer model with Adam state and a long history fits. */
export const RUN_FILE_MAX_CHARS = 40_000_000;

export const RunFileSchema = v.strictObject({
  format: v.literal(RUN_FILE_FORMAT, `format must be "${RUN_FILE_FORMAT}"`),
  version: v.literal(RUN_FILE_VERSION, `version must be ${RUN_FILE_VERSION}`),
  run: SavedRunSchema,
});
export type RunFile = v.InferOutput<typeof RunFileSchema>;

export function runFileText(run: SavedRun): string {
  return JSON.stringify({ format: RUN_FILE_FORMAT, version: RUN_FILE_VERSION, run } satisfies RunFile);
}

/**
 * Read a run file, all or nothing: the size cap before parsing, then JSON, then the format and version, then the
 * schema. The problem's code says which step refused it, for the learner; `error` is its English line for the console,
 * naming the first bad field ("run.checkpoint.config.hiddenSize: hidden size must be at most 256").
 */
export function parseRunFile(text: string): { ok: true; run: SavedRun } | { ok: false; problem: Problem; error: string } {
  const refuse = (code: ProblemCode, error: string, params?: ProblemParams) => ({ ok: false as const, problem: problem(code, params, error), error });
  if (text.length > RUN_FILE_MAX_CHARS) {
    return refuse('runFile.tooLarge', `the file has ${text.length.toLocaleString('en')} characters; the cap is ${RUN_FILE_MAX_CHARS.toLocaleString('en')}`, {
      chars: text.length,
      cap: RUN_FILE_MAX_CHARS,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return refuse('runFile.notJson', `not a run file: the JSON is broken or cut short (${err instanceof Error ? err.message : String(err)})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return refuse('runFile.notObject', 'not a run file: expected a JSON object');
  const head = data as { format?: unknown; version?: unknown };
  if (head.format !== RUN_FILE_FORMAT) return refuse('runFile.wrongFormat', `format: expected "${RUN_FILE_FORMAT}", found ${JSON.stringify(head.format) ?? 'nothing'}`);
  if (head.version !== RUN_FILE_VERSION) {
    const found = JSON.stringify(head.version) ?? 'missing';
    return refuse('runFile.wrongVersion', `version: this RNN Lab reads run files of version ${RUN_FILE_VERSION}, the file is version ${found}`, {
      expected: RUN_FILE_VERSION,
      found: found.slice(0, 20),
    });
  }
  const parsed = v.safeParse(RunFileSchema, data);
  if (!parsed.success) return refuse('runFile.invalid', describeIssues(parsed.issues));
  return { ok: true, run: parsed.output.run };
}

/** Round a snapshot's numbers to 4 significant digits (what the view can show), every chain and field, so saved runs stay small. */
export function compactDetail(d: StepDetail): StepDetail {
  const r = (x: number) => Number(x.toPrecision(4));
  const g = (rows: readonly (readonly number[])[]) => rows.map((row) => row.map(r));
  const chain = <C extends ChainStepTrace>(c: C): C => ({
    ...c,
    dhNorms: c.dhNorms.map(r),
    hidden: g(c.hidden),
    gates: Object.fromEntries(Object.entries(c.gates).map(([k, v]) => [k, g(v)])),
    whhContrib: c.whhContrib.map(r),
    ...(c.dh ? { dh: g(c.dh) } : {}),
    ...(c.cells ? { cells: g(c.cells) } : {}),
    ...(c.dc ? { dc: g(c.dc) } : {}),
  });
  const chains = d.chains ? Object.fromEntries(Object.entries(d.chains).map(([k, c]) => [k, c ? chain(c) : c])) : undefined;
  return {
    ...chain(d),
    ...(d.hiddenBackward ? { hiddenBackward: g(d.hiddenBackward) } : {}),
    ...(chains ? { chains } : {}),
    ...(d.attribution ? { attribution: { ...d.attribution, matrix: g(d.attribution.matrix) } } : {}),
    spectralRadius: r(d.spectralRadius),
  };
}

/** Every number a snapshot holds, in every chain and its attribution: the unit of the saved runs' memory bound. */
export function snapshotNumbers(d: StepDetail): number {
  const grid = (rows: readonly (readonly number[])[] | undefined) => (rows ? rows.reduce((n, row) => n + row.length, 0) : 0);
  const chain = (c: ChainStepTrace | undefined) => {
    if (!c) return 0;
    let n = c.dhNorms.length + c.whhContrib.length + grid(c.hidden) + grid(c.dh) + grid(c.cells) + grid(c.dc);
    for (const gate of Object.values(c.gates)) n += grid(gate);
    return n;
  };
  const chains = d.chains ? Object.values(d.chains).reduce((n, c) => n + chain(c), 0) : 0;
  return chain(d) + grid(d.hiddenBackward) + chains + grid(d.attribution?.matrix);
}

/**
 * Thin snapshots (ascending steps) for a saved run: at most `cap` of them and `maxNumbers` numbers in all
 * (snapshotNumbers). While over either bound, every other snapshot between the first and the newest is dropped, so
 * what stays is spread over the whole run; the first and the newest are always kept.
 */
export function thinSnapshots(all: readonly StepDetail[], cap = SAVED_SNAPSHOT_CAP, maxNumbers = SAVED_SNAPSHOT_NUMBERS): StepDetail[] {
  let kept = all.slice();
  const total = () => kept.reduce((n, d) => n + snapshotNumbers(d), 0);
  while (kept.length > 2 && (kept.length > cap || total() > maxNumbers)) {
    const last = kept.length - 1;
    kept = kept.filter((_, i) => i === 0 || i === last || i % 2 === 0);
  }
  return kept;
}
