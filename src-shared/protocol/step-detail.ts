import * as v from 'valibot';
import type { StepTrace } from '../engine/types';
import { AttributionSchema, type Attribution } from './attribution';

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

const numbers = v.custom<number[]>(isNumbers, 'must be an array of numbers');
const matrix = v.custom<number[][]>(isNumberMatrix, 'must be an array of arrays of numbers');
const strings = v.custom<string[]>(isStrings, 'must be an array of strings');

/** One traced chain (engine/types.ts ChainStepTrace). */
const ChainStepTraceSchema = v.object({
  dhNorms: numbers,
  hidden: matrix,
  gates: v.record(v.string(), matrix),
  whhContrib: numbers,
  dh: v.optional(matrix),
  cells: v.optional(matrix),
  dc: v.optional(matrix),
});

export const StepTraceSchema = v.object({
  ...ChainStepTraceSchema.entries,
  hiddenBackward: v.optional(matrix),
  chains: v.optional(
    v.object({
      decoder: v.optional(ChainStepTraceSchema),
      backward: v.optional(ChainStepTraceSchema),
      lower: v.optional(ChainStepTraceSchema),
      lowerBackward: v.optional(ChainStepTraceSchema),
    }),
  ),
});

export const StepDetailSchema = v.object({
  ...StepTraceSchema.entries,
  step: v.number(),
  spectralRadius: v.number(),
  inputTokens: strings,
  outputTokens: strings,
  targetTokens: strings,
  attribution: v.optional(AttributionSchema),
});

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
