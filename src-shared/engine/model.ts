/**
 * createModel: a recurrent stack, an optional encoder, and a linear head, wired for one of the four shapes.
 *
 * - many-to-one:     a stack reads x_1..x_T; y = Why·[h→_T ; h←_1] + by (the last state of each direction).
 * - many-to-many:    a stack reads x_1..x_T; y_t = Why·[h→_t ; h←_t] + by at every step.
 * - encoder-decoder: an encoder stack reads the input; the final state of each of its layers (both directions
 *                    concatenated) is the context that starts the same layer of a decoder stack (state size
 *                    H·dirs, one direction, same cell). The decoder reads BOS, y_1, y_2, … (teacher forcing)
 *                    or its own previous argmax (greedy decoding) and y_t = Why·h^dec_t + by.
 * - one-to-many:     one stack (one direction; `bidirectional` is ignored since the output is generated left to
 *                    right) reads the seed together with BOS at step 1, then the previous output.
 * See batch-pack.ts for the exact token columns. Losses are averaged over every target token in the batch.
 *
 * Truncated BPTT (opts.truncate = k > 0) cuts the h→h gradient at every k-th step of each chain (see
 * Chain.backward); the gradient from the decoder into the encoder's context is never cut.
 * The StepTrace follows the top layer's left-to-right chain of the stack that reads the input: the encoder
 * for encoder-decoder, the only stack otherwise (for one-to-many its steps are the output steps).
 */
import type { FlatParams, ForwardBackwardOptions, KernelReport, Model } from './api';
import type { Connectivity } from './attribution';
import type { Interrupt } from './interrupt';
import { getKernels, type Kernels } from './kernels';
import { Head } from './head';
import { initParams } from './init';
import { createParamSet, type ParamSet } from './param-set';
import { RunningSpectralRadius } from './spectral';
import { Stack } from './stack';
import { modelParamSpecs, modelShape, paramCount } from './model-shape';
import { ModelRunner } from './model-runner';
import type { DType, Example, ModelConfig } from './types';

/** Options of predict() beyond the Model contract. */
export interface PredictOptions {
  /** Steps to decode (encoder-decoder, one-to-many). Default: target.length if the example has one, else 2 × input length (encoder-decoder) or 16 (one-to-many). */
  readonly maxLength?: number;
  /** Stop after emitting this output token (it is included in the result). */
  readonly stopToken?: number;
}

/** The engine's Model with the optional extras of predict(). */
export interface SequenceModel extends Model {
  predict(example: Example, opts?: PredictOptions): number[];
  /** softmax(y_T) after reading `input` (many-to-many softmax models): what a language model samples from. */
  nextDistribution(input: readonly number[]): number[];
  /** Exact connectivity ‖∂y_{t,ĉ_t}/∂x_s‖ of one example with its targets (attribution.ts); zeroes every grad. */
  connectivity(example: Example): Connectivity;
}


export function createModel(config: ModelConfig, dtype: DType = 'f32', kernels: Kernels = getKernels()): SequenceModel {
  const { enc: encShape, main: mainShape, D } = modelShape(config);
  // A kernel set that keeps buffers in its own memory gives each float32 model a memory of its own.
  if (dtype === 'f32' && kernels.forModel) kernels = kernels.forModel();
  const specs = modelParamSpecs(config);
  const params: ParamSet = createParamSet(specs, dtype, kernels);
  initParams(params.tensors, config);
  const enc = encShape ? new Stack(encShape, params, dtype, kernels) : null;
  const main = new Stack(mainShape, params, dtype, kernels);
  const head = new Head(config.outputSize, D, params, dtype, kernels);
  return new RecurrentModel(config, dtype, params, enc, main, head, kernels);
}

class RecurrentModel implements SequenceModel {
  readonly paramCount: number;
  readonly kernels: KernelReport;
  readonly flat: FlatParams;
  private readonly runner: ModelRunner;
  private readonly radius: RunningSpectralRadius;

  constructor(
    readonly config: ModelConfig,
    readonly dtype: DType,
    private readonly set: ParamSet,
    enc: Stack | null,
    main: Stack,
    head: Head,
    kernels: Kernels,
  ) {
    this.paramCount = paramCount(config);
    // a float64 model's buffers all come from the portable set, whatever set it was given
    this.kernels = dtype === 'f32' && (kernels.name === 'wasm-simd' || kernels.name === 'wasm-fma') ? kernels.name : 'portable';
    this.flat = { values: set.values, grads: set.grads, kernels };
    this.runner = new ModelRunner(config, set, enc, main, head, kernels, dtype);
    this.radius = new RunningSpectralRadius(config.hiddenSize);
  }

  params() {
    return this.set.tensors;
  }

  forwardBackward(examples: readonly Example[], opts: ForwardBackwardOptions) {
    return this.runner.withInterrupt(opts.interrupt ?? null, () => this.runner.forwardBackward(examples, opts));
  }

  evaluate(examples: readonly Example[], interrupt?: Interrupt) {
    return this.runner.withInterrupt(interrupt ?? null, () => this.runner.evaluate(examples));
  }

  predict(example: Example, opts?: PredictOptions): number[] {
    return this.runner.predict(example, opts?.maxLength, opts?.stopToken);
  }

  nextDistribution(input: readonly number[]): number[] {
    return this.runner.nextDistribution(input);
  }

  connectivity(example: Example): Connectivity {
    return this.runner.connectivity(example);
  }

  /**
   * Spectral radius of layer 0's forward Whh: of the whole matrix for a vanilla RNN, of its candidate block
   * (g for the LSTM, n for the GRU) for gated cells. A running estimate (see RunningSpectralRadius) that
   * costs about 100·H² multiply-adds per call.
   */
  spectralRadius(): number {
    const H = this.config.hiddenSize;
    const Whh = this.set.get('l0.fwd.Whh').value;
    const block = this.config.cell === 'rnn' ? 0 : 2;
    return this.radius.estimate(Whh, block * H * H);
  }
}
