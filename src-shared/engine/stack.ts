/**
 * A stack of recurrent layers, each with one (left-to-right) or two (left-to-right and right-to-left)
 * chains. Layer l > 0 reads the per-step output of layer l−1, which for a bidirectional stack is the
 * concatenation [h→_t ; h←_t] (width D = 2H); the top layer's output feeds the head.
 */
import { Chain, chainParamSpecs, type ChainTrace, type GradFromAbove } from './chain';
import type { Kernels } from './kernels';
import type { DenseInput, LayerInput, SparseInput } from './layer-input';
import type { ParamSet, ParamSpec } from './param-set';
import type { Activation, CellKind, DType, FloatArray } from './types';
import type { Interrupt } from './interrupt';

export interface StackShape {
  readonly prefix: string;
  readonly kind: CellKind;
  readonly activation: Activation;
  /** I: input size of layer 0. */
  readonly I: number;
  /** H: state size per direction. */
  readonly H: number;
  readonly layers: number;
  readonly dirs: 1 | 2;
}

const DIR_NAMES = ['fwd', 'bwd'] as const;

export function stackParamSpecs(s: StackShape): ParamSpec[] {
  const specs: ParamSpec[] = [];
  for (let l = 0; l < s.layers; l++) {
    const I = l === 0 ? s.I : s.H * s.dirs;
    for (let d = 0; d < s.dirs; d++) specs.push(...chainParamSpecs(`${s.prefix}l${l}.${DIR_NAMES[d]}`, s.kind, I, s.H));
  }
  return specs;
}

/** What to record per chain during backward, [l][d] like Stack.chains (null: nothing). */
export type StackTraces = (ChainTrace | null)[][];

export class Stack {
  /** chains[l][d]: layer l, direction d (0 = left-to-right, 1 = right-to-left). */
  readonly chains: Chain[][] = [];
  /** D: width of a layer's output row, H·dirs. */
  readonly D: number;
  /** Dense input of each layer above 0 (views into the layer below). */
  private readonly dense: DenseInput[] = [];
  /** [h→ ; h←] rows per layer for a bidirectional stack [T][B][D]. */
  private concat: FloatArray[] = [];
  /** ∂L/∂(layer output) per layer [T][B][D]. */
  private dOut: FloatArray[] = [];
  /** Preallocated gradient-from-above descriptors, [l][d]. */
  private readonly aboves: GradFromAbove[][] = [];
  /** Preallocated output descriptors per layer. */
  private readonly outs: { buf: FloatArray; off: number }[] = [];
  private capRows = 0;
  T = 0;
  B = 0;

  constructor(
    readonly shape: StackShape,
    params: ParamSet,
    private readonly dtype: DType,
    private readonly kernels: Kernels,
  ) {
    const { prefix, kind, activation, H, layers, dirs } = shape;
    this.D = H * dirs;
    for (let l = 0; l < layers; l++) {
      const I = l === 0 ? shape.I : this.D;
      const row: Chain[] = [];
      for (let d = 0; d < dirs; d++) {
        row.push(new Chain(`${prefix}l${l}.${DIR_NAMES[d]}`, kind, activation, I, H, d === 1, params, dtype, kernels));
      }
      this.chains.push(row);
      this.aboves.push(row.map((_, d) => ({ buf: kernels.alloc(dtype, 0), off: 0, width: this.D, col: d * H })));
      this.outs.push({ buf: kernels.alloc(dtype, 0), off: 0 });
      if (l > 0) this.dense.push({ kind: 'dense', width: this.D, buf: kernels.alloc(dtype, 0), off: 0, dBuf: null, dOff: 0 });
    }
  }

  get top(): Chain[] {
    return this.chains[this.chains.length - 1];
  }

  /** Size every buffer for T steps of B rows and reset initial states to zero. */
  begin(T: number, B: number): void {
    this.T = T;
    this.B = B;
    const rows = T * B;
    if (rows > this.capRows) {
      // grow by half again at least (see ChainWork.ensure)
      this.capRows = Math.max(rows, Math.ceil(this.capRows * 1.5));
      const n = this.capRows * this.D;
      this.concat = this.shape.dirs === 2 ? this.chains.map(() => this.kernels.alloc(this.dtype, n)) : [];
      this.dOut = this.chains.map(() => this.kernels.alloc(this.dtype, n));
    }
    for (const row of this.chains) for (const c of row) c.begin(T, B);
    for (let l = 0; l < this.chains.length; l++) {
      const o = this.outs[l];
      if (this.shape.dirs === 2) {
        o.buf = this.concat[l];
        o.off = 0;
      } else {
        o.buf = this.chains[l][0].work.hs;
        o.off = B * this.shape.H;
      }
      for (const a of this.aboves[l]) a.buf = this.dOut[l];
    }
    for (let l = 1; l < this.chains.length; l++) {
      const inp = this.dense[l - 1];
      const below = this.output(l - 1);
      inp.buf = below.buf;
      inp.off = below.off;
      inp.dBuf = this.dOut[l - 1];
      inp.dOff = 0;
    }
  }

  /** Output rows of layer l, [T][B][D] starting at off. */
  output(l: number): { readonly buf: FloatArray; readonly off: number } {
    return this.outs[l];
  }

  /** Where the head writes ∂L/∂(top output), [T][B][D] from offset 0. */
  get dTop(): FloatArray {
    return this.dOut[this.dOut.length - 1];
  }

  inputOf(l: number, input0: LayerInput): LayerInput {
    return l === 0 ? input0 : this.dense[l - 1];
  }

  /** Run every layer over the whole sequence (initial states must already be in each chain's work.h0/c0). */
  forward(input0: LayerInput, mask: Uint8Array): void {
    for (let l = 0; l < this.chains.length; l++) {
      const input = this.inputOf(l, input0);
      for (const c of this.chains[l]) c.forward(input, mask);
      if (this.shape.dirs === 2) this.fillConcat(l, 1, this.T + 1);
    }
  }

  /** Set (or clear, with null) the interrupt check of every chain. */
  setInterrupt(interrupt: Interrupt | null): void {
    for (const row of this.chains) for (const c of row) c.interrupt = interrupt;
  }

  /** Load the initial states; then `step(t)` for t = 1, 2, … runs the stack one step at a time (one direction only). */
  startSteps(): void {
    for (const row of this.chains) for (const c of row) c.loadInitialState();
  }

  /** One time step through every layer (for greedy decoding, where x_{t+1} depends on y_t). */
  step(t: number, input0: SparseInput, mask: Uint8Array): void {
    for (let l = 0; l < this.chains.length; l++) {
      const c = this.chains[l][0];
      c.project(this.inputOf(l, input0), t, t + 1);
      c.step(t, mask);
    }
  }

  /** Zero ∂L/∂(layer outputs) before the head writes into dTop. */
  zeroOutputGrads(): void {
    const n = this.T * this.B * this.D;
    for (const d of this.dOut) d.fill(0, 0, n);
  }

  /**
   * BPTT through every layer, top first. `fromHead` says whether dTop carries a gradient (false when the head
   * only read final states, which arrive through each chain's work.dhFinal instead). traces[l][d], when not
   * null, records chain (l, d)'s teaching numbers.
   */
  backward(input0: LayerInput, mask: Uint8Array, fromHead: boolean, truncate: number, traces: StackTraces | null): void {
    for (let l = this.chains.length - 1; l >= 0; l--) {
      const input = this.inputOf(l, input0);
      const hasAbove = l < this.chains.length - 1 || fromHead;
      const row = this.chains[l];
      for (let d = 0; d < row.length; d++) {
        const above = hasAbove ? this.aboves[l][d] : null;
        row[d].backward(input, mask, above, truncate, traces?.[l][d] ?? null);
      }
    }
  }

  private fillConcat(l: number, t0: number, t1: number): void {
    const H = this.shape.H, D = this.D, B = this.B;
    const out = this.concat[l];
    for (let d = 0; d < 2; d++) {
      const hs = this.chains[l][d].work.hs;
      for (let t = t0; t < t1; t++) {
        for (let b = 0; b < B; b++) {
          const src = (t * B + b) * H;
          const dst = ((t - 1) * B + b) * D + d * H;
          for (let j = 0; j < H; j++) out[dst + j] = hs[src + j];
        }
      }
    }
  }
}
