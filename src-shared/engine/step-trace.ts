/**
 * Which chains record teaching numbers during BPTT, and turning their buffers into the plain-data StepTrace the
 * views draw, for batch row 0 and its real steps only (padding is left out).
 */
import type { Chain } from './chain';
import { createChainTrace, type ChainTrace } from './chain-trace';
import type { Stack, StackTraces } from './stack';
import type { ChainStepTrace, StepTrace } from './types';
import { toNumbers } from './params-io';

const GATE_NAMES: Record<string, readonly string[]> = {
  rnn: [],
  lstm: ['i', 'f', 'g', 'o'],
  gru: ['r', 'z', 'n'],
};

/** Batch row 0's real steps: how many leading steps its mask marks (masks are [T][B]). */
export function realSteps(mask: Uint8Array, T: number, B: number): number {
  let len = 0;
  while (len < T && mask[len * B] === 1) len++;
  return len;
}

/** What each chain of a model records during one traced backward pass. */
export class TracePlan {
  /** For the stack that reads the input (the encoder of an encoder-decoder). */
  readonly reader: StackTraces;
  /** For the decoder of an encoder-decoder (its top layer), when every chain is traced. */
  readonly decoder: StackTraces | null;

  /** `all`: every chain; otherwise only the reading stack's top layer, left to right. */
  constructor(
    private readonly reading: Stack,
    private readonly decoding: Stack | null,
    all: boolean,
  ) {
    const top = reading.chains.length - 1, lstm = reading.shape.kind === 'lstm';
    this.reader = reading.chains.map((row, l) =>
      row.map((_, d) => (all || (l === top && d === 0) ? createChainTrace(reading.T, reading.shape.H, lstm) : null)),
    );
    this.decoder = decoding && all
      ? decoding.chains.map((row, l) => row.map(() => (l === decoding.chains.length - 1 ? createChainTrace(decoding.T, decoding.shape.H, lstm) : null)))
      : null;
  }

  /** The StepTrace, given row 0's real steps in the reading stack and in the decoder. */
  build(len: number, decoderLen: number): StepTrace {
    const rows = this.reading.chains, top = rows.length - 1;
    const at = (l: number, d: number): ChainStepTrace => chainStepTrace(rows[l][d], this.reader[l][d]!, len);
    const main = chainStepTrace(rows[top][0], this.reader[top][0]!, len);
    const backward = rows[top][1];
    const trace: StepTrace = {
      ...main,
      ...(backward ? { hiddenBackward: hiddenRows(backward, len) } : {}),
    };
    const all = this.reader.every((row) => row.every((tr) => tr !== null));
    if (!all) return trace;
    const dec = this.decoding && this.decoder ? this.decoding.chains.length - 1 : -1;
    const chains = {
      ...(dec >= 0 ? { decoder: chainStepTrace(this.decoding!.chains[dec][0], this.decoder![dec][0]!, decoderLen) } : {}),
      ...(rows[top].length > 1 ? { backward: at(top, 1) } : {}),
      ...(top > 0 ? { lower: at(0, 0) } : {}),
      ...(top > 0 && rows[0].length > 1 ? { lowerBackward: at(0, 1) } : {}),
    };
    return { ...trace, chains };
  }
}

function hiddenRows(chain: Chain, len: number): number[][] {
  const B = chain.B, H = chain.H, hs = chain.work.hs;
  const out: number[][] = [];
  // step t writes slot t in either direction, so h_t (or h←_t) of batch row 0 sits at t·B·H
  for (let t = 1; t <= len; t++) out.push(toNumbers(hs.subarray(t * B * H, t * B * H + H)));
  return out;
}

/** One chain's numbers for batch row 0's first `len` steps. */
export function chainStepTrace(chain: Chain, trace: ChainTrace, len: number): ChainStepTrace {
  const w = chain.work, B = chain.B, H = chain.H, GH = w.G * H;
  const lstm = chain.kind === 'lstm';
  const cells: number[][] = [];
  const dh: number[][] = [];
  const dc: number[][] = [];
  const gates: Record<string, number[][]> = {};
  const names = GATE_NAMES[chain.kind];
  for (const n of names) gates[n] = [];
  for (let t = 1; t <= len; t++) {
    // cs shares hs's slots: c_t of batch row 0 sits at slot t
    if (lstm) cells.push(toNumbers(w.cs.subarray(t * B * H, t * B * H + H)));
    const g = (t - 1) * B * GH;
    names.forEach((n, k) => gates[n].push(toNumbers(w.gates.subarray(g + k * H, g + (k + 1) * H))));
    if (trace.dh) dh.push(toNumbers(trace.dh.subarray((t - 1) * H, t * H)));
    if (trace.dc) dc.push(toNumbers(trace.dc.subarray((t - 1) * H, t * H)));
  }
  return {
    dhNorms: toNumbers(trace.dhNorms.subarray(0, len)),
    hidden: hiddenRows(chain, len),
    gates,
    whhContrib: toNumbers(trace.whhContrib.subarray(0, len)),
    ...(trace.dh ? { dh } : {}),
    ...(lstm ? { cells } : {}),
    ...(trace.dc ? { dc } : {}),
  };
}
