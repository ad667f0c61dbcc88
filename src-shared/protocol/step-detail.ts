import * as v from 'valibot';
import type { StepTrace } from '../engine/types';
import type { Attribution } from './attribution';
import { finite } from './numbers';
import { LIMITS } from './training-config';

/**
 * The traced data of one step, declared once. The engine declares what it traces (StepTrace, engine/types.ts); the
 * stream carries that trace whole, plus what the session knows about the step: StepDetail is StepTrace with those
 * fields, and toStepDetail is the one conversion, so a quantity the engine starts tracing reaches the views without
 * another declaration. Its schema below is checked against StepTrace by the compiler, in both directions.
 */

/** What the session adds to the engine's trace of example 0. */
export interface StepContext {
  readonly step: number;
  /** Spectral radius estimate of the (first layer, forward) Whh after the update. */
  readonly spectralRadius: number;
  readonly inputTokens: string[];
  readonly outputTokens: string[];
  readonly targetTokens: string[];
  /** Connectivity of a fixed held-out example (attribution.ts), when the task's shape has one. */
  readonly attribution?: Attribution;
}

/** Rich instrumentation of the latest step (example 0 of its batch), as the views receive it. */
export type StepDetail = StepTrace & StepContext;

/** The one conversion: every field of the trace, present or optional, passes through unchanged. */
export function toStepDetail(trace: StepTrace, context: StepContext): StepDetail {
  return { ...trace, ...context };
}

/*
 * Schemas. Number arrays are checked element by element with one plain loop (typeof, not finiteness: a diverging
 * step may trace Infinity, and the session reports that itself), which is what keeps a full check of every stats
 * message affordable on the renderer's thread: a stats event with a T=50, H=64 LSTM detail (22,500 numbers) checks
 * in about 0.25 ms, a tenth of what v.array(v.number()) takes and of what structured-cloning the event costs.
 */
function isNumbers(x: unknown): x is number[] {
  if (!Array.isArray(x)) return false;
  for (let i = 0; i < x.length; i++) if (typeof x[i] !== 'number') return false;
  return true;
}
function isNumberMatrix(x: unknown): x is number[][] {
  if (!Array.isArray(x)) return false;
  for (let i = 0; i < x.length; i++) if (!isNumbers(x[i])) return false;
  return true;
}
function isStrings(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === 'string');
}

/** The checks one family of trace schemas is built from: fast and uncapped for the stream, capped for files. */
interface TraceChecks {
  readonly numbers: v.GenericSchema<unknown, number[]>;
  readonly matrix: v.GenericSchema<unknown, number[][]>;
  readonly strings: v.GenericSchema<unknown, string[]>;
  readonly gates: v.GenericSchema<unknown, Record<string, number[][]>>;
  readonly number: v.GenericSchema<unknown, number>;
  readonly steps: v.GenericSchema<unknown, number[]>;
  readonly strict: boolean;
}

/**
 * The one declaration of a step's traced data, as schemas built from `c`: a chain, the trace (with its other
 * chains), and the detail (the trace plus the session's context and the attribution). The stream and saved runs
 * both use it, so a field the engine starts tracing is carried, and kept, by both.
 */
function traceSchemas(c: TraceChecks) {
  const object = <E extends v.ObjectEntries>(entries: E) => (c.strict ? v.strictObject(entries) : v.object(entries));
  /** One traced chain (engine/types.ts ChainStepTrace). */
  const chain = object({
    dhNorms: c.numbers,
    hidden: c.matrix,
    gates: c.gates,
    whhContrib: c.numbers,
    dh: v.optional(c.matrix),
    cells: v.optional(c.matrix),
    dc: v.optional(c.matrix),
  });
  const trace = object({
    ...chain.entries,
    hiddenBackward: v.optional(c.matrix),
    chains: v.optional(
      object({
        decoder: v.optional(chain),
        backward: v.optional(chain),
        lower: v.optional(chain),
        lowerBackward: v.optional(chain),
      }),
    ),
  });
  const attribution = v.strictObject({
    inputTokens: c.strings,
    outputTokens: c.strings,
    outputSteps: c.steps,
    matrix: c.matrix,
  });
  const detail = object({
    ...trace.entries,
    step: c.number,
    spectralRadius: c.number,
    inputTokens: c.strings,
    outputTokens: c.strings,
    targetTokens: c.strings,
    attribution: v.optional(attribution),
  });
  return { trace, detail, attribution };
}

const streamMatrix = v.custom<number[][]>(isNumberMatrix, 'must be an array of arrays of numbers');
const stream = traceSchemas({
  numbers: v.custom<number[]>(isNumbers, 'must be an array of numbers'),
  matrix: streamMatrix,
  strings: v.custom<string[]>(isStrings, 'must be an array of strings'),
  gates: v.record(v.string(), streamMatrix),
  number: v.number(),
  steps: v.array(v.pipe(v.number(), v.integer(), v.minValue(1))),
  strict: false,
});

export const StepTraceSchema = stream.trace;
/** A step's detail as the training stream carries it (unknown keys are dropped). */
export const StepDetailSchema = stream.detail;
/** One example's connectivity as the stream and the jobs carry it (attribution.ts). */
export const AttributionSchema = stream.attribution;

/*
 * Caps for a snapshot read from a file or a saved run: at most T = 200 steps (rows) of at most 512 units (two
 * directions of 256), every number finite (JSON cannot carry anything else), tokens of at most 64 characters, at
 * most 8 gates. The file's size cap applies before any of this is parsed (saved-run.ts parseRunFile).
 */
const cappedRow = v.pipe(v.array(finite), v.maxLength(2 * LIMITS.hiddenSize));
const cappedMatrix = v.pipe(v.array(cappedRow), v.maxLength(LIMITS.seqLen));
const saved = traceSchemas({
  numbers: v.pipe(v.array(finite), v.maxLength(LIMITS.seqLen)),
  matrix: cappedMatrix,
  strings: v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(LIMITS.seqLen)),
  gates: v.pipe(v.record(v.pipe(v.string(), v.maxLength(16)), cappedMatrix), v.maxEntries(8)),
  number: finite,
  steps: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.seqLen))), v.maxLength(LIMITS.seqLen)),
  strict: true,
});

/**
 * A step's detail as a saved run or a run file stores it: the same fields as the stream's (every chain, ∂L/∂c_t and
 * the attribution), capped, and strict, so a field this build does not know is an error naming it, not a silent drop.
 */
export const SavedStepDetailSchema = v.pipe(saved.detail, v.check((d) => Number.isInteger(d.step) && d.step >= 0, 'step must be a whole number, at least 0'));

/*
 * Compile-time guard: the schema and the engine's StepTrace must describe the same fields, with the same optionality
 * and types. A field added to one and not the other makes one of these two lines fail `tsc`.
 */
/** T with readonly dropped at every depth (the schema's output is mutable; nested chains are objects too). */
type Plain<T> = T extends (infer U)[] ? Plain<U>[] : T extends object ? { -readonly [K in keyof T]: Plain<T[K]> } : T;
type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type StepTraceSchemaMatchesEngine = Assert<Equal<Plain<StepTrace>, v.InferOutput<typeof StepTraceSchema>>>;
export type StepDetailSchemaMatchesType = Assert<Equal<Plain<StepDetail>, v.InferOutput<typeof StepDetailSchema>>>;
export type SavedStepDetailSchemaMatchesType = Assert<Equal<Plain<StepDetail>, v.InferOutput<typeof SavedStepDetailSchema>>>;
