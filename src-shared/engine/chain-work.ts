/**
 * The preallocated memory of one recurrent chain (one layer, one direction). Buffers are sized for the
 * largest sequence length T and batch size B seen so far and only grow; a training step after warm-up
 * allocates nothing.
 *
 * Layouts (row-major, batch rows inside each time step; t runs 1..T and is stored at index t−1 unless said):
 * - gates [T][B][G·H]  Wxh·x_t + bh before the step (+ Whh·h_{t-1} for RNN/LSTM), gate activations after it
 * - hs    [T+2][B][H]  h at slot t for time t; slot 0 holds h_0 of a left-to-right chain, slot T+1 that of
 *                      a right-to-left chain, so h_prev of time t is slot t−1 (forward) or t+1 (backward)
 */
import type { Kernels } from './kernels';
import type { Activation, CellKind, DType, FloatArray } from './types';

/** Gate blocks per cell: rnn 1 (the pre-activation), lstm 4 (i, f, g, o), gru 3 (r, z, n). */
export function gateCount(kind: CellKind): number {
  return kind === 'lstm' ? 4 : kind === 'gru' ? 3 : 1;
}

export class ChainWork {
  /** G: gate blocks of H rows each. */
  readonly G: number;
  capT = 0;
  capB = 0;
  /** Gate pre-activations, replaced by the activations during the step [T][B][G·H]. */
  gates: FloatArray;
  /** Hidden states [T+2][B][H] (see the slot convention above). */
  hs: FloatArray;
  /** LSTM cell states c_t [T+2][B][H], same slots as hs. */
  cs: FloatArray;
  /** LSTM tanh(c_t) [T][B][H]. */
  tc: FloatArray;
  /** GRU recurrent part of the candidate, Whh_n·h_{t-1} + bhn [T][B][H]. */
  hn: FloatArray;
  /** ∂L/∂(input-side pre-activation) [T][B][G·H]; also the bias gradient's rows. */
  dz: FloatArray;
  /** ∂L/∂(Whh·h_{t-1} term) [T][B][G·H]; the same buffer as dz except for the GRU. */
  dzh: FloatArray;
  /** GRU scratch: Whh·h_{t-1} (+ bhn in the n block) for the current step [B][G·H]. */
  zh: FloatArray;
  /** ∂L/∂h_t while walking back in time [B][H]. */
  dh: FloatArray;
  /** ∂L/∂h_{t-1} being assembled [B][H]; swapped with dh after each step. */
  dhp: FloatArray;
  /** LSTM ∂L/∂c_t, turned into ∂L/∂c_{t-1} in place [B][H]. */
  dc: FloatArray;
  /** Initial state h_0 [B][H] (zero unless a context vector is handed in). */
  h0: FloatArray;
  /** Initial cell state c_0 [B][H]. */
  c0: FloatArray;
  /** Extra ∂L/∂h at the chain's last processed step [B][H] (many-to-one head, decoder context). */
  dhFinal: FloatArray;
  /** Extra ∂L/∂c at the last processed step [B][H]. */
  dcFinal: FloatArray;
  /** ∂L/∂h_0 after backward [B][H]. */
  dh0: FloatArray;
  /** ∂L/∂c_0 after backward [B][H]. */
  dc0: FloatArray;

  constructor(
    readonly kind: CellKind,
    readonly activation: Activation,
    /** H: state size. */
    readonly H: number,
    readonly dtype: DType,
    private readonly kernels: Kernels,
  ) {
    this.G = gateCount(kind);
    const empty = kernels.alloc(dtype, 0);
    this.gates = this.hs = this.cs = this.tc = this.hn = this.dz = this.dzh = empty;
    this.zh = this.dh = this.dhp = this.dc = this.h0 = this.c0 = empty;
    this.dhFinal = this.dcFinal = this.dh0 = this.dc0 = empty;
  }

  /** Make room for T steps of B sequences; grows (never shrinks) and reallocates only when needed. */
  ensure(T: number, B: number): void {
    if (T <= this.capT && B <= this.capB) return;
    const capT = Math.max(T, this.capT);
    const capB = Math.max(B, this.capB);
    const { H, G, dtype } = this;
    const a = (n: number): FloatArray => this.kernels.alloc(dtype, n);
    const lstm = this.kind === 'lstm';
    const gru = this.kind === 'gru';
    this.gates = a(capT * capB * G * H);
    this.hs = a((capT + 2) * capB * H);
    this.cs = lstm ? a((capT + 2) * capB * H) : a(0);
    this.tc = lstm ? a(capT * capB * H) : a(0);
    this.hn = gru ? a(capT * capB * H) : a(0);
    this.dz = a(capT * capB * G * H);
    this.dzh = gru ? a(capT * capB * G * H) : this.dz;
    if (B > this.capB || this.zh.length === 0) {
      this.zh = a(capB * G * H);
      this.dh = a(capB * H);
      this.dhp = a(capB * H);
      this.dc = a(capB * H);
      this.h0 = a(capB * H);
      this.c0 = a(capB * H);
      this.dhFinal = a(capB * H);
      this.dcFinal = a(capB * H);
      this.dh0 = a(capB * H);
      this.dc0 = a(capB * H);
    }
    this.capT = capT;
    this.capB = capB;
  }
}
