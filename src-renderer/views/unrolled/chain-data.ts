import type { ChainStepTrace, ProblemShape } from '../../../src-shared/engine/types';
import type { StepDetail } from '../../../src-shared/protocol/trainer-messages';

/**
 * One StepDetail turned into the steps the view draws. The trace holds the top layer's forward states;
 * for an encoder–decoder it may cover the encoder only or encoder then decoder, and for a bidirectional
 * model each row may hold [h→ ; h←] (2H values): every case is recognised by its lengths.
 */

/** Most steps drawn (LIMITS.seqLen for the encoder plus room for a decoder). */
export const MAX_STEPS = 256;

export type Section = 'chain' | 'encoder' | 'decoder';

export interface ChainStep {
  /** Index in the whole drawn chain. */
  readonly t: number;
  /** Index within its section (the t of the lesson's h_t is local + 1). */
  readonly local: number;
  readonly section: Section;
  /** x_t as a token, or null where the step has no input. */
  readonly x: string | null;
  /** The model's y_t as a token, or null where the task has no output at this step. */
  readonly y: string | null;
  readonly target: string | null;
  /** h_t (left-to-right chain), or null when the trace does not cover this step. */
  readonly h: readonly number[] | null;
  /** h←_t of the right-to-left chain, when recorded. */
  readonly hBack: readonly number[] | null;
  /** Two layers: layer 1's h_t (the lower, left-to-right chain), when recorded. */
  readonly hLower: readonly number[] | null;
  /** Two layers, bidirectional: layer 1's h←_t (its right-to-left chain), when recorded. */
  readonly hLowerBack: readonly number[] | null;
  /** LSTM cell state c_t (left-to-right chain), or null for other cells and steps the trace does not cover. */
  readonly c: readonly number[] | null;
  /** ‖∂L/∂h_t‖, NaN when not recorded. */
  readonly dhNorm: number;
  /** ‖∂L/∂h←_t‖, ‖∂L/∂h¹_t‖ and ‖∂L/∂h←¹_t‖ of the other chains (right-to-left, layer 1, layer 1 right-to-left); NaN when not recorded. */
  readonly dhNormBack: number;
  readonly dhNormLower: number;
  readonly dhNormLowerBack: number;
  /** ‖this copy's share of ∂L/∂Whh‖ (its own chain's Whh), NaN when not recorded. */
  readonly whhShare: number;
  /** Gate activations at this step by gate name, each of length H. */
  readonly gates: Readonly<Record<string, readonly number[]>>;
}

export interface ChainData {
  readonly shape: ProblemShape;
  readonly steps: readonly ChainStep[];
  /** Number of encoder steps (0 unless encoder–decoder). */
  readonly encoderLength: number;
  readonly H: number;
  readonly bidirectional: boolean;
  /** The right-to-left states are in the trace. */
  readonly hasBackStates: boolean;
  /** A two-layer model's lower chain (layer 1) is in the trace. */
  readonly hasLower: boolean;
  /** A bidirectional two-layer model's lower right-to-left chain is in the trace. */
  readonly hasLowerBack: boolean;
  readonly gateNames: readonly string[];
  /** The trace carries LSTM cell states c_t. */
  readonly hasCells: boolean;
  /** Training step the detail was recorded at. */
  readonly trainingStep: number;
}

export interface ChainOptions {
  readonly hiddenSize: number;
  readonly bidirectional: boolean;
}

const at = <T>(xs: readonly T[] | undefined, i: number): T | null => (xs && i >= 0 && i < xs.length ? xs[i] : null);

export function chainFromDetail(detail: StepDetail, shape: ProblemShape, opts: ChainOptions): ChainData {
  const H = opts.hiddenSize;
  const { inputTokens: xs, outputTokens: ys, targetTokens: ts, hidden, dhNorms } = detail;
  const rowLen = hidden[0]?.length ?? H;
  const split = opts.bidirectional && rowLen >= 2 * H;
  const gateNames = Object.keys(detail.gates ?? {}).sort();
  const steps: ChainStep[] = [];
  const decoderTrace = detail.chains?.decoder;
  const backTrace = detail.chains?.backward;
  const lowerTrace = detail.chains?.lower;
  const lowerBackTrace = opts.bidirectional ? detail.chains?.lowerBackward : undefined;
  /**
   * `traceIdx` indexes the top forward chain's trace; `own` is the decoder's own trace and its index, for decoder
   * steps when the engine traced the decoder as a chain of its own.
   */
  const push = (section: Section, local: number, traceIdx: number, x: string | null, y: string | null, target: string | null, own?: { trace: ChainStepTrace; k: number }) => {
    if (steps.length >= MAX_STEPS) return;
    const src = own ? own.trace : detail;
    const i = own ? own.k : traceIdx;
    const row = at(own ? own.trace.hidden : hidden, i);
    const cell = at(src.cells, i);
    // h←_t: the engine's right-to-left chain trace, else rows of hiddenBackward, else the second half of a 2H row.
    const back = opts.bidirectional && !own ? (at(backTrace?.hidden, traceIdx) ?? at(detail.hiddenBackward, traceIdx)) : null;
    const lower = !own ? at(lowerTrace?.hidden, traceIdx) : null;
    const lowerBack = !own ? at(lowerBackTrace?.hidden, traceIdx) : null;
    const norm = (trace: ChainStepTrace | undefined) => (!own ? at(trace?.dhNorms, traceIdx) : null) ?? NaN;
    const gates: Record<string, readonly number[]> = {};
    for (const g of gateNames) {
      const v = at(src.gates[g], i);
      if (v) gates[g] = v;
    }
    steps.push({
      t: steps.length,
      local,
      section,
      x,
      y,
      target,
      h: row ? (split && !own ? row.slice(0, H) : row) : null,
      hBack: back ? back.slice(0, H) : row && split && !own ? row.slice(H, 2 * H) : null,
      hLower: lower ? lower.slice(0, H) : null,
      hLowerBack: lowerBack ? lowerBack.slice(0, H) : null,
      c: cell ? cell.slice(0, H) : null,
      dhNorm: at(own ? own.trace.dhNorms : dhNorms, i) ?? NaN,
      dhNormBack: opts.bidirectional ? norm(backTrace) : NaN,
      dhNormLower: norm(lowerTrace),
      dhNormLowerBack: norm(lowerBackTrace),
      whhShare: at(src.whhContrib, i) ?? NaN,
      gates,
    });
  };

  let encoderLength = 0;
  switch (shape) {
    case 'many-to-one': {
      const T = Math.max(xs.length, hidden.length);
      for (let t = 0; t < T; t++) push('chain', t, t, at(xs, t), t === T - 1 ? at(ys, 0) : null, t === T - 1 ? at(ts, 0) : null);
      break;
    }
    case 'many-to-many': {
      const T = Math.max(xs.length, hidden.length);
      for (let t = 0; t < T; t++) push('chain', t, t, at(xs, t), at(ys, t), at(ts, t));
      break;
    }
    case 'one-to-many': {
      const T = Math.max(hidden.length, ts.length, ys.length, 1);
      for (let t = 0; t < T; t++) push('chain', t, t, t === 0 ? at(xs, 0) : null, at(ys, t), at(ts, t));
      break;
    }
    case 'encoder-decoder': {
      const Te = xs.length;
      const Td = Math.max(ts.length, 1);
      // The trace may hold the encoder only, or encoder then decoder.
      const decOffset = hidden.length >= Te + Td ? Te : -1;
      encoderLength = Math.min(Te, MAX_STEPS);
      for (let t = 0; t < Te; t++) push('encoder', t, t, xs[t], null, null);
      for (let k = 0; k < Td; k++) {
        // Teacher forcing: the decoder reads <bos>, then the previous target token.
        const x = k === 0 ? '<bos>' : at(ts, k - 1);
        // The decoder's states: the engine's own decoder trace, else rows after the encoder's in `hidden`.
        const own = decOffset < 0 && decoderTrace ? { trace: decoderTrace, k } : undefined;
        push('decoder', k, decOffset < 0 ? -1 : decOffset + k, x, at(ys, k), at(ts, k), own);
      }
      break;
    }
  }
  return {
    shape,
    steps,
    encoderLength,
    H,
    bidirectional: opts.bidirectional,
    hasBackStates: split || steps.some((s) => s.hBack !== null),
    hasLower: steps.some((s) => s.hLower !== null),
    hasLowerBack: steps.some((s) => s.hLowerBack !== null),
    gateNames,
    hasCells: steps.some((s) => s.c !== null),
    trainingStep: detail.step,
  };
}

/** A chain with no data yet, so the layout can be shown before the first trace arrives. */
export function placeholderChain(shape: ProblemShape, opts: ChainOptions, T = 6): ChainData {
  const empty: StepDetail = {
    step: 0,
    dhNorms: [],
    hidden: [],
    gates: {},
    whhContrib: [],
    spectralRadius: NaN,
    inputTokens: shape === 'one-to-many' ? ['x'] : Array.from({ length: T }, () => '·'),
    outputTokens: [],
    targetTokens: shape === 'encoder-decoder' || shape === 'one-to-many' ? Array.from({ length: T }, () => '·') : [],
  };
  return chainFromDetail(empty, shape, opts);
}
