/**
 * Turning one chain's buffers into the plain-data StepTrace the views draw, for batch row 0 and its
 * real steps only (padding is left out).
 */
import type { Chain, ChainTrace } from './chain';
import type { StepTrace } from './types';
import { toNumbers } from './params-io';

const GATE_NAMES: Record<string, readonly string[]> = {
  rnn: [],
  lstm: ['i', 'f', 'g', 'o'],
  gru: ['r', 'z', 'n'],
};

/**
 * `backward` is the same layer's right-to-left chain of a bidirectional stack: its step t also writes slot t
 * of its own hs (its h_0 sits at slot T+1), so h←_t is read at the same slots as h→_t.
 */
export function buildStepTrace(chain: Chain, trace: ChainTrace, len: number, backward?: Chain): StepTrace {
  const w = chain.work, B = chain.B, H = chain.H, GH = w.G * H;
  const hidden: number[][] = [];
  const dh: number[][] = [];
  const lstm = chain.kind === 'lstm';
  const cells: number[][] = [];
  const hiddenBackward: number[][] = [];
  const gates: Record<string, number[][]> = {};
  const names = GATE_NAMES[chain.kind];
  for (const n of names) gates[n] = [];
  for (let t = 1; t <= len; t++) {
    hidden.push(toNumbers(w.hs.subarray(t * B * H, t * B * H + H)));
    // cs shares hs's slots: c_t of batch row 0 sits at slot t
    if (lstm) cells.push(toNumbers(w.cs.subarray(t * B * H, t * B * H + H)));
    if (backward) hiddenBackward.push(toNumbers(backward.work.hs.subarray(t * B * H, t * B * H + H)));
    const g = (t - 1) * B * GH;
    names.forEach((n, k) => gates[n].push(toNumbers(w.gates.subarray(g + k * H, g + (k + 1) * H))));
    if (trace.dh) dh.push(toNumbers(trace.dh.subarray((t - 1) * H, t * H)));
  }
  return {
    dhNorms: toNumbers(trace.dhNorms.subarray(0, len)),
    hidden,
    gates,
    whhContrib: toNumbers(trace.whhContrib.subarray(0, len)),
    ...(trace.dh ? { dh } : {}),
    ...(lstm ? { cells } : {}),
    ...(backward ? { hiddenBackward } : {}),
  };
}
