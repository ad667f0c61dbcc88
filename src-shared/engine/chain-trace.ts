/**
 * The teaching numbers one chain records for batch row 0 while it runs BPTT (indexed t−1), and the test hook
 * that nudges one of its states during the forward pass, so finite differences can check those numbers.
 */
import type { ChainWork } from './chain-work';
import type { FloatArray } from './types';

/** Per-step teaching numbers for batch row 0, indexed t−1. */
export interface ChainTrace {
  /** ‖∂L/∂h_t‖ (everything that reaches h_t: from above and from step t±1). */
  dhNorms: Float64Array;
  /** ‖step t's contribution to ∂L/∂Whh‖ = ‖∂L/∂(Whh·h_prev)‖ · ‖h_prev‖ (Frobenius norm of an outer product). */
  whhContrib: Float64Array;
  /** When present, ∂L/∂h_t itself, row t−1 at (t−1)·H ([T·H]): the vector whose norm is dhNorms[t−1]. */
  dh?: Float64Array;
  /** LSTM, when present: ∂L/∂c_t, all of it (from c_{t+1} and through h_t = o_t ⊙ tanh c_t), [T·H]. */
  dc?: Float64Array;
}

export function createChainTrace(T: number, H: number, lstm: boolean): ChainTrace {
  const trace: ChainTrace = { dhNorms: new Float64Array(T), whhContrib: new Float64Array(T), dh: new Float64Array(T * H) };
  if (lstm) trace.dc = new Float64Array(T * H);
  return trace;
}

export function rowNorm(a: FloatArray, off: number, n: number): number {
  let s = 0;
  for (let j = 0; j < n; j++) s += a[off + j] * a[off + j];
  return Math.sqrt(s);
}

/**
 * Before step t's backward: record ∂L/∂h_t (w.dh, row 0) and, for the LSTM, ∂L/∂c_t = dc + dh ⊙ o ⊙ (1 − tanh²c_t)
 * where dc is what arrived from c_{t+1} (the same sum the cell's backward forms next).
 */
export function recordGradients(trace: ChainTrace, w: ChainWork, B: number, t: number): void {
  const H = w.H, dh = w.dh;
  trace.dhNorms[t - 1] = rowNorm(dh, 0, H);
  if (trace.dh) for (let j = 0; j < H; j++) trace.dh[(t - 1) * H + j] = dh[j];
  if (trace.dc) {
    const o = (t - 1) * B * 4 * H + 3 * H, tc = (t - 1) * B * H;
    for (let j = 0; j < H; j++) {
      const th = w.tc[tc + j];
      trace.dc[(t - 1) * H + j] = w.dc[j] + dh[j] * w.gates[o + j] * (1 - th * th);
    }
  }
}

/**
 * Adds `dh` to h_t[j] or `dc` to c_t[j] of batch row 0 right after step t's forward (c_t's nudge also
 * recomputes tanh c_t and h_t = o_t ⊙ tanh c_t, since h_t is a function of c_t). For the gradient checks only.
 */
export interface StateNudge {
  readonly t: number;
  readonly j: number;
  readonly dh: number;
  readonly dc: number;
}

export function applyNudge(n: StateNudge, w: ChainWork, B: number): void {
  const H = w.H, at = n.t * B * H + n.j;
  if (n.dc !== 0) {
    w.cs[at] += n.dc;
    const th = Math.tanh(w.cs[at]);
    w.tc[(n.t - 1) * B * H + n.j] = th;
    w.hs[at] = w.gates[(n.t - 1) * B * 4 * H + 3 * H + n.j] * th;
  }
  w.hs[at] += n.dh;
}
