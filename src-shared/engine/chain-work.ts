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
import type { CellKernels } from './cell-kernels';
import type { Kernels } from './kernels';
import type { Activation, CellKind, DType, FloatArray } from './types';

/** Gate blocks per cell: rnn 1 (the pre-activation), lstm 4 (i, f, g, o), gru 3 (r, z, n). */
export function gateCount(kind: CellKind): number {
  return kind === 'lstm' ? 4 : kind === 'gru' ? 3 : 1;
}

export class ChainWork {
  /** G: gate blocks of H rows each. */
  readonly G: number;
  /** Largest T and B asked for so far. */
  capT = 0;
  capB = 0;
  /** T and B the buffers have room for (at least capT, capB). */
  private roomT = 0;
  private roomB = 0;
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
  /** T·B ones, so that a sum over time-and-batch rows is a product (ones)ᵀ·rows [T][B]. */
  ones: FloatArray;
  /** The kernel set's elementwise cell steps, when it has them and they can reach every buffer here. */
  fast: CellKernels | null = null;

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
    this.dhFinal = this.dcFinal = this.dh0 = this.dc0 = this.ones = empty;
  }

  /** Make room for T steps of B sequences; grows (never shrinks) and reallocates only when needed. */
  ensure(T: number, B: number): void {
    if (T <= this.roomT && B <= this.roomB) {
      this.capT = Math.max(T, this.capT);
      this.capB = Math.max(B, this.capB);
      return;
    }
    // Past the first sizing, room grows by half again at least: abandoned buffers then add up to a small
    // multiple of the live ones even when T creeps up one step at a time (wasm memory never reuses them).
    const grow = (want: number, room: number): number => (want > room ? Math.max(want, room === 0 ? 0 : Math.ceil(room * 1.5)) : room);
    const capT = grow(T, this.roomT);
    const capB = grow(B, this.roomB);
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
    this.ones = a(capT * capB);
    this.ones.fill(1);
    if (capB > this.roomB || this.zh.length === 0) {
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
    this.capT = Math.max(T, this.capT);
    this.capB = Math.max(B, this.capB);
    this.roomT = capT;
    this.roomB = capB;
    const cells = this.kernels.cells;
    this.fast = cells && cells.accepts(this) ? cells : null;
  }
}
