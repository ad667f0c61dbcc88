/**
 * The engine's API contract, written first so the session, the tasks and the views can be built against it.
 * Implementations live in their own files; `index.ts` re-exports them.
 */
import type { DType, Example, FloatArray, ModelConfig, StepTrace } from './types';
import type { Interrupt } from './interrupt';
import type { Kernels } from './kernels';

/** One named parameter tensor and its gradient (views into the model's memory; row-major). */
export interface ParamTensor {
  /** e.g. 'l0.fwd.Wxh', 'l0.fwd.Whh', 'l0.fwd.bh', 'head.Why', 'head.by' */
  readonly name: string;
  readonly shape: readonly number[];
  readonly value: FloatArray;
  /** ∂L/∂value, filled by forwardBackward (mean over the batch). */
  readonly grad: FloatArray;
}

/**
 * 'wasm-fma': products and cell steps in WebAssembly SIMD, the products with fused multiply-adds (relaxed SIMD);
 * 'wasm-simd': the same without fusing (runtimes without relaxed SIMD); 'portable': plain TypeScript (float64
 * models, runtimes without SIMD).
 */
export type KernelReport = 'wasm-fma' | 'wasm-simd' | 'portable';

/** A chain by the name the StepTrace gives it: its own fields ('top'), or a key of StepTrace.chains. */
export type TracedChain = 'top' | 'backward' | 'lower' | 'lowerBackward' | 'decoder';

/**
 * "What if h_t had been a little different?": add dh to unit `unit` of h_t (or dc to c_t, LSTM, with h_t
 * following it) of example 0 in one chain, during the forward pass. The loss then moves by about
 * dh·∂L/∂h_t[unit], which is how the gradient checks test the traced gradients.
 */
export interface StatePerturbation {
  readonly chain: TracedChain;
  /** Time step, 1-based as in the trace. */
  readonly t: number;
  readonly unit: number;
  readonly dh: number;
  readonly dc: number;
}

export interface ForwardBackwardOptions {
  /** Record teaching instrumentation (StepTrace) for example 0. */
  readonly trace: boolean;
  /** With `trace`: every chain's numbers too (StepTrace.chains: decoder, right-to-left, lower layer). */
  readonly traceChains?: boolean;
  readonly perturb?: StatePerturbation;
  /** Also return ∂L/∂h_0 (and ∂L/∂c_0) of every example (see InitialStateGrads). */
  readonly initialStateGrads?: boolean;
  /** Truncated BPTT window in steps; 0 = full BPTT. */
  readonly truncate: number;
  /** Asked before every time step; true abandons the pass with StepInterrupted (see interrupt.ts). */
  readonly interrupt?: Interrupt;
}

/** ∂L/∂h_0 and, for the LSTM, ∂L/∂c_0 per example, laid out like Example.h0 (layer by layer, direction by direction). */
export interface InitialStateGrads {
  readonly dh0: number[][];
  readonly dc0?: number[][];
}

export interface LossTally {
  /** Mean loss per target token. */
  readonly loss: number;
  /** Number of target tokens predicted correctly (argmax), and how many there were. */
  readonly correct: number;
  readonly total: number;
}

export interface Model {
  readonly config: ModelConfig;
  readonly dtype: DType;
  /** Total number of trainable scalars (equal to paramCount(config) of param-count.ts). */
  readonly paramCount: number;
  /** Which kernels this model's float32 work runs on: WebAssembly SIMD, or the portable TypeScript loops. */
  readonly kernels: KernelReport;
  params(): readonly ParamTensor[];
  /** The flat buffers every ParamTensor views, in params() order, and the kernel set they belong to (absent: none). */
  readonly flat?: FlatParams;
  /** Forward pass and BPTT over the examples; zeroes and then fills every grad. */
  forwardBackward(examples: readonly Example[], opts: ForwardBackwardOptions): LossTally & { trace?: StepTrace; initialStateGrads?: InitialStateGrads };
  /** Loss and greedy outputs without touching grads; `interrupt` as for forwardBackward. */
  evaluate(examples: readonly Example[], interrupt?: Interrupt): LossTally & { outputs: number[][] };
  /** Greedy output token ids for one example (one class for many-to-one). */
  predict(example: Example): number[];
  /** Spectral radius of layer 0's forward Whh (power iteration). */
  spectralRadius(): number;
}

/** A model's parameters as one value buffer and one gradient buffer (param-set.ts), with their kernels. */
export interface FlatParams {
  readonly values: FloatArray;
  readonly grads: FloatArray;
  readonly kernels: Kernels;
}

export interface ClipReport {
  readonly gradNormBefore: number;
  readonly gradNormAfter: number;
  readonly clipped: boolean;
}

export interface Optimizer {
  /** Clip by global norm (if configured) and update every parameter in place. */
  step(model: Model): ClipReport;
  /** Moments / velocities by `${paramName}.${slot}` for checkpoints. */
  exportState(): Record<string, number[]>;
  /** The same state as typed-array copies, for checkpoints that cross a process boundary by structured clone. */
  exportStateArrays(): Record<string, Float64Array>;
  /** Restore either export; a missing, extra, wrongly sized or non-finite entry is an error naming it. */
  importState(state: Readonly<Record<string, ArrayLike<number>>>): void;
}
