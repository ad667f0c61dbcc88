/**
 * The engine's public types: what a model is made of and what one training step returns.
 * Everything here is plain data so it can cross a process boundary unchanged.
 */

/** Recurrent cell families the engine implements. */
export type CellKind = 'rnn' | 'lstm' | 'gru';
/** Nonlinearity of the vanilla RNN cell (LSTM and GRU always use their standard sigmoid/tanh gates). */
export type Activation = 'tanh' | 'relu' | 'linear';
/** The four shapes of sequence problem. */
export type ProblemShape = 'many-to-one' | 'many-to-many' | 'encoder-decoder' | 'one-to-many';
export type LossKind = 'softmax-ce' | 'mse';
export type OptimizerKind = 'sgd' | 'adam';
/** Float precision: f32 for training, f64 for finite-difference gradient checks. */
export type DType = 'f32' | 'f64';
export type FloatArray = Float32Array | Float64Array;

export interface InitConfig {
  /** 'xavier': uniform Glorot for all matrices; 'spectral': Whh rescaled so its spectral radius is `spectralRadius`. */
  readonly kind: 'xavier' | 'spectral';
  readonly spectralRadius: number;
}

export interface ModelConfig {
  readonly cell: CellKind;
  readonly activation: Activation;
  /** I: size of x_t (vocabulary size for one-hot inputs). */
  readonly inputSize: number;
  /** H: size of h_t (per direction). */
  readonly hiddenSize: number;
  /** O: size of y_t (number of classes for softmax-ce). */
  readonly outputSize: number;
  readonly layers: 1 | 2;
  readonly bidirectional: boolean;
  readonly shape: ProblemShape;
  readonly loss: LossKind;
  readonly init: InitConfig;
  readonly seed: number;
}

export interface OptimizerConfig {
  readonly kind: OptimizerKind;
  readonly learningRate: number;
  /** SGD momentum (0 = plain SGD). Ignored by Adam. */
  readonly momentum: number;
  /** Global-norm clipping threshold; 0 disables clipping. */
  readonly clipNorm: number;
}

/**
 * One training example, as token ids (one-hot encoded by the engine) or dense vectors.
 * - many-to-one: `target` has length 1.
 * - many-to-many: `target.length` is the input's length T.
 * - encoder-decoder: `target` is the decoder output; decoder input is BOS + target shifted (teacher forcing).
 * - one-to-many: `input` has length 1; the output sequence is `target`.
 */
export interface Example {
  /** Token ids x_1..x_T (one-hot over I), or the values themselves when I = 1; empty when `inputVectors` is given. */
  readonly input: readonly number[];
  readonly target: readonly number[];
  /**
   * Dense x_1..x_T, each a vector of I numbers, in place of `input` (not for one-to-many, whose x_t are built
   * from tokens). Every example of a batch gives its input the same way.
   */
  readonly inputVectors?: readonly (readonly number[])[];
  /**
   * Initial state h_0 of the stack that reads the input (the encoder of an encoder-decoder), layers·dirs·H
   * numbers: layer by layer, the left-to-right chain's H then the right-to-left chain's (whose h_0 is its state
   * before x_T). Default: zeros.
   */
  readonly h0?: readonly number[];
  /** LSTM only: initial cell state c_0, laid out like h0. Default: zeros. */
  readonly c0?: readonly number[];
}

/** A batch of examples already packed time-major with a validity mask (sequences are right-padded). */
export interface Batch {
  readonly examples: readonly Example[];
}

/** One traced chain (one layer × direction, or the decoder), batch row 0, real steps only. */
export interface ChainStepTrace {
  /** ‖∂L/∂h_t‖ for t = 1..T, the heatmap row. */
  readonly dhNorms: number[];
  /** h_t for t = 1..T, [T][H]. */
  readonly hidden: number[][];
  /** Gate activations per step for LSTM/GRU, keyed by gate name (i, f, g, o / r, z, n), each [T][H]. */
  readonly gates: Record<string, number[][]>;
  /** ‖per-step contribution to ∂L/∂Whh‖ for each t. */
  readonly whhContrib: number[];
  /** ∂L/∂h_t for t = 1..T, [T][H]: row t−1 has norm dhNorms[t−1]. */
  readonly dh?: number[][];
  /** LSTM only: cell state c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t for t = 1..T, [T][H]. */
  readonly cells?: number[][];
  /** LSTM only: ∂L/∂c_t, [T][H] (from c_{t+1} and through h_t = o_t ⊙ tanh c_t). */
  readonly dc?: number[][];
}

/**
 * Teaching instrumentation recorded for example 0 of the batch on a training step. Its own fields are the top
 * layer's left-to-right chain of the stack that reads the input (the encoder for encoder-decoder).
 * A right-to-left chain is indexed by time step like the others: its row t−1 is h←_t, which has read x_t … x_T.
 */
export interface StepTrace extends ChainStepTrace {
  /**
   * Bidirectional only: h←_t for t = 1..T (top layer, backward direction), [T][H], indexed by time step like
   * `hidden`; h←_t has read x_t … x_T of the real steps (padding leaves h←_{len+1} = 0).
   */
  readonly hiddenBackward?: number[][];
  /** Only when every chain was asked for (ForwardBackwardOptions.traceChains). */
  readonly chains?: {
    /** Encoder-decoder: the decoder's top layer, per output step. */
    readonly decoder?: ChainStepTrace;
    /** Bidirectional: the top layer's right-to-left chain (indexed by t). */
    readonly backward?: ChainStepTrace;
    /** Two layers: layer 1 (the lower one), left to right. */
    readonly lower?: ChainStepTrace;
    /** Two layers, bidirectional: layer 1, right to left. */
    readonly lowerBackward?: ChainStepTrace;
  };
}

export interface StepResult {
  readonly loss: number;
  /** Fraction of targets predicted correctly (argmax) in this batch; NaN for mse. */
  readonly accuracy: number;
  readonly gradNormBefore: number;
  readonly gradNormAfter: number;
  readonly clipped: boolean;
  /** Spectral radius estimate of the (first layer, forward) Whh after the update. */
  readonly spectralRadius: number;
  readonly trace?: StepTrace;
}
