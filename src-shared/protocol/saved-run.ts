import * as v from 'valibot';
import { describeIssues } from './describe-issues';
import { CheckpointSchema, type StepDetail } from './trainer-messages';
import { problem, type Problem, type ProblemCode, type ProblemParams } from './problem';

/**
 * A saved run: everything needed to reopen it exactly (the checkpoint: config with seed and dataset, weights,
 * optimizer state, loss history) and the view's thinned snapshots. Stored in the `runs` document and, one at a
 * time, in a `*.rnnlab.json` run file.
 */

const finite = v.pipe(v.number(), v.finite());
/** Per-step rows of a snapshot: at most T = 200 steps of at most 512 units (two directions of 256). */
const grid = v.pipe(v.array(v.pipe(v.array(finite), v.maxLength(512))), v.maxLength(200));
const tokens = v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(200));

/**
 * A snapshot as a saved run stores it: the core traced fields of a step detail, capped for files. Fields the engine
 * traces beyond these (other chains, ∂L/∂c_t, attribution) are dropped when a run is saved, not refused.
 */
export const SavedSnapshotSchema = v.object({
  step: v.pipe(v.number(), v.integer(), v.minValue(0)),
  dhNorms: v.pipe(v.array(finite), v.maxLength(200)),
  hidden: grid,
  gates: v.pipe(v.record(v.pipe(v.string(), v.maxLength(16)), grid), v.maxEntries(8)),
  whhContrib: v.pipe(v.array(finite), v.maxLength(200)),
  dh: v.optional(grid),
  cells: v.optional(grid),
  hiddenBackward: v.optional(grid),
  spectralRadius: finite,
  inputTokens: tokens,
  outputTokens: tokens,
  targetTokens: tokens,
});

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
  snapshots: v.optional(v.pipe(v.array(SavedSnapshotSchema), v.maxLength(SAVED_SNAPSHOT_CAP)), []),
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

/** Round a snapshot's numbers to 4 significant digits (what the view can show), so saved runs stay small. */
export function compactDetail(d: StepDetail): StepDetail {
  const r = (x: number) => Number(x.toPrecision(4));
  const g = (rows: number[][]) => rows.map((row) => row.map(r));
  return {
    ...d,
    dhNorms: d.dhNorms.map(r),
    hidden: g(d.hidden),
    gates: Object.fromEntries(Object.entries(d.gates).map(([k, v]) => [k, g(v)])),
    whhContrib: d.whhContrib.map(r),
    ...(d.dh ? { dh: g(d.dh) } : {}),
    ...(d.cells ? { cells: g(d.cells) } : {}),
    ...(d.hiddenBackward ? { hiddenBackward: g(d.hiddenBackward) } : {}),
    spectralRadius: r(d.spectralRadius),
  };
}
