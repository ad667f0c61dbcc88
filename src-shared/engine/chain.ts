/**
 * One recurrent chain: one layer of one direction, unrolled over T steps for a batch of B sequences.
 * Parameters (G gate blocks of H rows each; see cell-*.ts for the gate order):
 *   Wxh [G·H × I], Whh [G·H × H], bh [G·H], and for the GRU bhn [H].
 * The same Wxh, Whh, bh serve every time step; their gradients are the sums of the per-step contributions.
 * A right-to-left chain (reverse) visits t = T … 1 and its "previous" state is h_{t+1}.
 */
import { fillBiasRows, inputGradSums, projectAllSteps, recurrentGradSums } from './all-steps-products';
import type { ParamTensor } from './api';
import { lstmBackwardStep, lstmForwardStep } from './cell-lstm';
import { gruBackwardStep, gruForwardStep } from './cell-gru';
import { rnnBackwardStep, rnnForwardStep } from './cell-rnn';
import { ChainWork, gateCount } from './chain-work';
import type { Kernels, PackedProducts } from './kernels';
import type { LayerInput } from './layer-input';
import type { ParamSet, ParamSpec } from './param-set';
import type { Activation, CellKind, DType, FloatArray } from './types';
import { checkInterrupt, type Interrupt } from './interrupt';
import { applyNudge, recordGradients, rowNorm, type ChainTrace, type StateNudge } from './chain-trace';
import { addFromAbove, addSparseRows, sparseInputGrads } from './chain-input';

export type { ChainTrace };

/** Where the gradient from above (the next layer or the head) is read: row (t, b) at off + ((t−1)·B + b)·width + col. */
export interface GradFromAbove {
  buf: FloatArray;
  off: number;
  width: number;
  col: number;
}

export function chainParamSpecs(prefix: string, kind: CellKind, I: number, H: number): ParamSpec[] {
  const GH = gateCount(kind) * H;
  const specs: ParamSpec[] = [
    { name: `${prefix}.Wxh`, shape: [GH, I] },
    { name: `${prefix}.Whh`, shape: [GH, H] },
    { name: `${prefix}.bh`, shape: [GH] },
  ];
  if (kind === 'gru') specs.push({ name: `${prefix}.bhn`, shape: [H] });
  return specs;
}

/** Batches of at least this many rows use the packed recurrent products (fewer rows: each weight is used once per step anyway). */
const PACKED_MIN_ROWS = 4;

export class Chain {
  /** Asked before every time step of forward() and backward(); see interrupt.ts. */
  interrupt: Interrupt | null = null;
  /** Gradient checks only: a change to one state of batch row 0 during the forward pass (chain-trace.ts). */
  nudge: StateNudge | null = null;

  readonly work: ChainWork;
  /** Input weights, x_t → gate pre-activations [G·H × I]. */
  readonly Wxh: ParamTensor;
  /** Recurrent weights, h_{t−1} → gate pre-activations [G·H × H]. */
  readonly Whh: ParamTensor;
  /** Gate biases [G·H]. */
  readonly bh: ParamTensor;
  /** GRU only: bias of the recurrent candidate term, inside r ⊙ (·) [H]. */
  readonly bhn: ParamTensor | null;
  /**
   * Wxh transposed [I × G·H] (values during project, gradient sums during backward) for one-hot inputs:
   * a one-hot x_t picks a column of Wxh, which is strided in Wxh but a contiguous row here.
   */
  private wT: FloatArray | null = null;
  /** GRU: one row of zh before the recurrent product, zeros then bhn (see step). */
  private zhRow: Float64Array | null = null;
  /**
   * Whh packed for the kernel set's packed products: Whhᵀ during forward(), Whh during backward(), so the
   * recurrent product at every step reuses one packing (batches of PACKED_MIN_ROWS rows or more).
   */
  private packedW: FloatArray | null = null;
  /** Set while forward() runs with packedW holding Whhᵀ (step() called on its own, by greedy decoding, does not use it). */
  private packedForward: PackedProducts | null = null;
  /** Current sequence length and batch size. */
  T = 0;
  B = 0;

  constructor(
    readonly prefix: string,
    readonly kind: CellKind,
    activation: Activation,
    /** I: input size. */
    readonly I: number,
    /** H: state size. */
    readonly H: number,
    /** True for the right-to-left chain of a bidirectional layer. */
    readonly reverse: boolean,
    params: ParamSet,
    dtype: DType,
    private readonly kernels: Kernels,
  ) {
    this.work = new ChainWork(kind, activation, H, dtype, kernels);
    this.Wxh = params.get(`${prefix}.Wxh`);
    this.Whh = params.get(`${prefix}.Whh`);
    this.bh = params.get(`${prefix}.bh`);
    this.bhn = kind === 'gru' ? params.get(`${prefix}.bhn`) : null;
  }

  /** Slot of h_0 in hs (0 for left-to-right, T+1 for right-to-left). */
  get initSlot(): number {
    return this.reverse ? this.T + 1 : 0;
  }

  /** Slot of the last processed state: h_T (left-to-right) or h_1 (right-to-left). */
  get finalSlot(): number {
    return this.reverse ? 1 : this.T;
  }

  /** Size the buffers for T steps of B rows and zero h_0, c_0 and the injected final gradients. */
  begin(T: number, B: number): void {
    this.work.ensure(T, B);
    this.T = T;
    this.B = B;
    const n = B * this.H;
    const w = this.work;
    w.h0.fill(0, 0, n);
    w.c0.fill(0, 0, n);
    w.dhFinal.fill(0, 0, n);
    w.dcFinal.fill(0, 0, n);
  }

  /** Copy h_0 (and c_0) into the initial slot; call after filling work.h0 / work.c0. */
  loadInitialState(): void {
    const w = this.work, n = this.B * this.H, at = this.initSlot * n;
    for (let i = 0; i < n; i++) w.hs[at + i] = w.h0[i];
    if (this.kind === 'lstm') for (let i = 0; i < n; i++) w.cs[at + i] = w.c0[i];
  }

  /** gates rows for t ∈ [t0, t1) ← bh + Wxh·x_t (one batched product for a dense input). */
  project(input: LayerInput, t0: number, t1: number): void {
    const B = this.B, I = this.I, GH = this.work.G * this.H;
    const gates = this.work.gates, bh = this.bh.value, W = this.Wxh.value;
    const r0 = (t0 - 1) * B, r1 = (t1 - 1) * B;
    fillBiasRows(gates, bh, GH, r0, r1);
    if (input.kind === 'dense') {
      this.kernels.gemmNT(r1 - r0, GH, I, input.buf, input.off + r0 * I, W, 0, gates, r0 * GH);
      return;
    }
    addSparseRows(this.kernels, input, W, (r1 - r0) * input.slots < I ? null : this.transposed(), gates, GH, I, r0, r1);
  }

  private transposed(): FloatArray {
    if (!this.wT) this.wT = this.kernels.alloc(this.work.dtype, this.I * this.work.G * this.H);
    return this.wT;
  }

  /**
   * One time step t (after project covered t). RNN/LSTM: gates_t += Whh·h_prev, then the cell's elementwise
   * update. GRU: zh = Whh·h_prev with bhn added to its n block, kept apart because r multiplies it.
   */
  step(t: number, mask: Uint8Array): void {
    const w = this.work, B = this.B, H = this.H, GH = w.G * H;
    const prev = this.reverse ? t + 1 : t - 1;
    if (this.kind !== 'gru') {
      this.recurrentForward(w.hs, prev * B * H, w.gates, (t - 1) * B * GH);
      if (this.kind === 'rnn') rnnForwardStep(w, mask, B, t, t, prev);
      else lstmForwardStep(w, mask, B, t, t, prev);
      if (this.nudge !== null && this.nudge.t === t) applyNudge(this.nudge, w, B);
      return;
    }
    // zh rows start as [0 (r, z blocks) ; bhn (n block)], copied natively from one row, then get U·h_prev added
    const row = this.zhRow ??= new Float64Array(GH), bhn = this.bhn!.value;
    for (let j = 0; j < H; j++) row[2 * H + j] = bhn[j];
    fillBiasRows(w.zh, row, GH, 0, B);
    this.recurrentForward(w.hs, prev * B * H, w.zh, 0);
    gruForwardStep(w, mask, B, t, t, prev);
    if (this.nudge !== null && this.nudge.t === t) applyNudge(this.nudge, w, B);
  }

  /** The whole sequence: project every step in one go, then run the recurrence in this chain's direction. */
  forward(input: LayerInput, mask: Uint8Array): void {
    const T = this.T;
    // A dense input (a layer below) makes the projection a big product: it runs a block of steps at a time.
    if (input.kind === 'dense') projectAllSteps(this.kernels, this.interrupt, this.work, this.B, T, this.I, input, this.Wxh.value, this.bh.value);
    else this.project(input, 1, T + 1);
    this.loadInitialState();
    const packed = this.packedProducts();
    if (packed) packed.packTransposed(this.work.G * this.H, this.H, this.Whh.value, 0, this.packedW!);
    this.packedForward = packed;
    try {
      for (let k = 1; k <= T; k++) {
        checkInterrupt(this.interrupt);
        this.step(this.reverse ? T + 1 - k : k, mask);
      }
    } finally {
      this.packedForward = null;
    }
  }

  /** out[B×G·H] at outOff += h_prev · Whhᵀ (h_prev rows at hOff), through the packed Whhᵀ when forward() made one. */
  private recurrentForward(hs: FloatArray, hOff: number, out: FloatArray, outOff: number): void {
    const B = this.B, H = this.H, GH = this.work.G * H;
    if (this.packedForward) this.packedForward.gemm(B, GH, H, hs, hOff, this.packedW!, out, outOff);
    else this.kernels.gemmNT(B, GH, H, hs, hOff, this.Whh.value, 0, out, outOff);
  }

  /** The kernel set's packed products when this batch is big enough and every operand is in reach (packedW sized), else null. */
  private packedProducts(): PackedProducts | null {
    const p = this.kernels.packed, w = this.work;
    if (!p || this.B < PACKED_MIN_ROWS || !p.reserve(this.B)) return null;
    const GH = w.G * this.H, n = Math.max(p.floats(GH, this.H), p.floats(this.H, GH));
    if (!this.packedW || this.packedW.length < n) this.packedW = this.kernels.alloc(w.dtype, n);
    const inReach = p.owns(this.packedW) && p.owns(this.Whh.value) && p.owns(w.hs) && p.owns(w.gates) && p.owns(w.zh) && p.owns(w.dzh) && p.owns(w.dhp) && p.owns(w.dh);
    return inReach ? p : null;
  }

  /**
   * Backpropagation through time. Adds into every parameter's grad, into input.dBuf (dense inputs) and
   * leaves ∂L/∂h_0 (∂L/∂c_0) in work.dh0 (dc0).
   * Truncation (k > 0): the processed steps form chunks of k (steps 1..k, k+1..2k, …, counted in this
   * chain's direction); the state flows across a chunk boundary in the forward pass, the gradient does not.
   * The first chunk keeps its link to h_0.
   */
  backward(input: LayerInput, mask: Uint8Array, above: GradFromAbove | null, truncate: number, trace: ChainTrace | null): void {
    const w = this.work, B = this.B, H = this.H, T = this.T, G = w.G, GH = G * H, I = this.I;
    const n = B * H;
    const kern = this.kernels;
    const Whh = this.Whh.value;
    const lstm = this.kind === 'lstm', gru = this.kind === 'gru';
    for (let i = 0; i < n; i++) w.dh[i] = w.dhFinal[i];
    if (lstm) for (let i = 0; i < n; i++) w.dc[i] = w.dcFinal[i];
    const packed = this.packedProducts();
    if (packed) packed.pack(H, GH, Whh, 0, this.packedW!);
    for (let k = T; k >= 1; k--) {
      checkInterrupt(this.interrupt);
      const t = this.reverse ? T + 1 - k : k;
      const prev = this.reverse ? t + 1 : t - 1;
      const dh = w.dh;
      if (above) addFromAbove(kern, above, dh, B, H, t);
      if (trace) recordGradients(trace, w, B, t);
      if (this.kind === 'rnn') rnnBackwardStep(w, mask, B, t, t);
      else if (lstm) lstmBackwardStep(w, mask, B, t, prev);
      else gruBackwardStep(w, mask, B, t, prev);
      const cut = truncate > 0 && k > 1 && (k - 1) % truncate === 0;
      if (trace) {
        trace.whhContrib[t - 1] = mask[(t - 1) * B] ? rowNorm(w.dzh, (t - 1) * B * GH, GH) * rowNorm(w.hs, prev * n, H) : 0;
      }
      if (cut) {
        w.dhp.fill(0, 0, n);
        if (lstm) w.dc.fill(0, 0, n);
      } else {
        // ∂L/∂h_prev += (∂L/∂(Whh·h_prev)) · Whh
        if (packed) packed.gemm(B, H, GH, w.dzh, (t - 1) * B * GH, this.packedW!, w.dhp, 0);
        else kern.gemmNN(B, H, GH, w.dzh, (t - 1) * B * GH, Whh, 0, w.dhp, 0);
      }
      w.dh = w.dhp;
      w.dhp = dh;
    }
    for (let i = 0; i < n; i++) w.dh0[i] = w.dh[i];
    if (lstm) for (let i = 0; i < n; i++) w.dc0[i] = w.dc[i];

    const rows = T * B;
    const dz = w.dz;
    // The sums over every step (∂L/∂Whh, ∂L/∂bh, and ∂L/∂Wxh, ∂L/∂x of a dense input) run a block of steps at a time.
    recurrentGradSums(kern, this.interrupt, w, B, T, this.reverse, this.Whh, this.bh);
    if (gru) {
      // ∂L/∂bhn = Σ over rows of dzh's n block: the column sums of dzh (onesᵀ·dzh) into zh, then that block
      const dbhn = this.bhn!.grad, sums = w.zh;
      sums.fill(0, 0, GH);
      kern.gemmNN(1, GH, rows, w.ones, 0, w.dzh, 0, sums, 0);
      for (let j = 0; j < H; j++) dbhn[j] += sums[2 * H + j];
    }
    if (input.kind === 'dense') {
      inputGradSums(kern, this.interrupt, w, B, T, I, input, this.Wxh);
      return;
    }
    sparseInputGrads(kern, input, dz, this.transposed(), this.Wxh.grad, GH, I, rows);
  }
}
