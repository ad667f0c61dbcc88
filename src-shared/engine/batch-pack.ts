/**
 * Turning Examples into what the stacks read: time-major sparse inputs, a validity mask per (t, b)
 * (sequences are right-padded to the longest one), and targets. Buffers are reused between steps.
 *
 * Token conventions (x_t is one-hot, or the number itself when the input size is 1):
 * - reading an input sequence: x_t = onehot(input[t]) over I = inputSize.
 * - encoder-decoder decoder, vocabulary O + 1 with BOS = O:  x_1 = BOS, x_t = onehot(y_{t−1}) for t > 1.
 * - one-to-many, vocabulary I + O + 1 laid out [seed tokens | previous output | BOS]:
 *     x_1 = onehot(seed) + onehot(I + O)  (the seed together with BOS),  x_t = onehot(I + y_{t−1}) for t > 1.
 * During training y_{t−1} is the target (teacher forcing); in greedy decoding it is the previous argmax.
 */
import { createSparseInput, ensureSparse, type SparseInput } from './layer-input';
import type { Example, ModelConfig } from './types';

export class PackedSequence {
  T = 0;
  B = 0;
  readonly input: SparseInput;
  /** 1 where step t of row b is real, 0 on padding [T][B]. */
  mask = new Uint8Array(0);
  /** Target per (t, b) [T][B] (for a many-to-one head only t = 1 is used). */
  targets = new Float64Array(0);

  constructor(slots: number) {
    this.input = createSparseInput(slots);
  }

  resize(T: number, B: number): void {
    this.T = T;
    this.B = B;
    if (this.mask.length < T * B) {
      this.mask = new Uint8Array(T * B);
      this.targets = new Float64Array(T * B);
    }
    this.mask.fill(0, 0, T * B);
    this.targets.fill(0, 0, T * B);
    ensureSparse(this.input, T, B);
  }

  /** Put x_t of row b into slot s: one-hot column `col` with value v. */
  set(t: number, b: number, s: number, col: number, v: number): void {
    const i = ((t - 1) * this.B + b) * this.input.slots + s;
    this.input.idx[i] = col;
    this.input.val[i] = v;
  }
}

/** T of an example: how many x_t it gives. */
export function inputLength(ex: Example): number {
  return ex.inputVectors ? ex.inputVectors.length : ex.input.length;
}

/**
 * The mask of every example's input steps and, for token inputs, x_1..x_T (one-hot over I, or the scalar value
 * when I = 1). Dense inputVectors are copied by DensePack.
 */
export function packInputs(p: PackedSequence, examples: readonly Example[], I: number): void {
  let T = 0;
  for (const ex of examples) T = Math.max(T, inputLength(ex));
  p.resize(T, examples.length);
  for (let b = 0; b < examples.length; b++) {
    const inp = examples[b].input;
    const n = inputLength(examples[b]);
    for (let t = 1; t <= n; t++) p.mask[(t - 1) * p.B + b] = 1;
    for (let t = 1; t <= inp.length; t++) {
      if (I === 1) p.set(t, b, 0, 0, inp[t - 1]);
      else p.set(t, b, 0, inp[t - 1], 1);
    }
  }
}

/** Targets aligned with the input steps (many-to-many), or the single target at t = 1 (many-to-one). */
export function packTargets(p: PackedSequence, examples: readonly Example[]): void {
  for (let b = 0; b < examples.length; b++) {
    const tg = examples[b].target;
    for (let t = 1; t <= tg.length; t++) p.targets[(t - 1) * p.B + b] = tg[t - 1];
  }
}

/**
 * Decoder inputs for T steps (T = longest target, or `length` for free-running decoding) and targets.
 * With teacher forcing every x_t is filled; without, only x_1 is and the decoder writes the rest.
 */
export function packDecoder(
  p: PackedSequence,
  examples: readonly Example[],
  config: ModelConfig,
  teacherForcing: boolean,
  length = -1,
): void {
  const I = config.inputSize, O = config.outputSize;
  const o2m = config.shape === 'one-to-many';
  let T = length;
  if (T < 0) for (const ex of examples) T = Math.max(T, ex.target.length);
  p.resize(T, examples.length);
  for (let b = 0; b < examples.length; b++) {
    const ex = examples[b];
    const len = length >= 0 ? length : ex.target.length;
    if (o2m) {
      if (I === 1) p.set(1, b, 0, 0, ex.input[0]);
      else p.set(1, b, 0, ex.input[0], 1);
      p.set(1, b, 1, I + O, 1);
    } else {
      p.set(1, b, 0, O, 1);
    }
    for (let t = 1; t <= len; t++) {
      p.mask[(t - 1) * p.B + b] = 1;
      if (t <= ex.target.length) p.targets[(t - 1) * p.B + b] = ex.target[t - 1];
      if (teacherForcing && t > 1) p.set(t, b, 0, decoderColumn(config, ex.target[t - 2]), 1);
    }
  }
}

/** Column of x_t that stands for previous output token y. */
export function decoderColumn(config: ModelConfig, y: number): number {
  return config.shape === 'one-to-many' ? config.inputSize + y : y;
}

function checkTokens(ids: readonly number[], n: number, what: string, i: number, scalar: boolean): void {
  for (let t = 0; t < ids.length; t++) {
    const v = ids[t];
    if (scalar ? !Number.isFinite(v) : !(Number.isInteger(v) && v >= 0 && v < n)) {
      const range = scalar ? 'a finite number' : `an integer in [0, ${n})`;
      throw new Error(`example ${i}: ${what}[${t}] = ${v} is not ${range}`);
    }
  }
}

function checkVectors(xs: readonly (readonly number[])[], I: number, i: number): void {
  if (xs.length < 1) throw new Error(`example ${i}: inputVectors needs at least one step`);
  for (let t = 0; t < xs.length; t++) {
    if (xs[t].length !== I) throw new Error(`example ${i}: inputVectors[${t}] has ${xs[t].length} numbers, the model reads ${I}`);
    for (let j = 0; j < I; j++) if (!Number.isFinite(xs[t][j])) throw new Error(`example ${i}: inputVectors[${t}][${j}] = ${xs[t][j]} is not a finite number`);
  }
}

/** Numbers in an initial state: one H per chain of the stack that reads the input. */
export function initialStateSize(config: ModelConfig): number {
  const dirs = config.bidirectional && config.shape !== 'one-to-many' ? 2 : 1;
  return config.layers * dirs * config.hiddenSize;
}

function checkInitialState(config: ModelConfig, ex: Example, i: number): void {
  const n = initialStateSize(config);
  for (const [what, v] of [['h0', ex.h0], ['c0', ex.c0]] as const) {
    if (v === undefined) continue;
    if (what === 'c0' && config.cell !== 'lstm') throw new Error(`example ${i}: only an LSTM has a cell state, so c0 is not accepted for ${config.cell}`);
    if (v.length !== n) throw new Error(`example ${i}: ${what} needs ${n} numbers (layers × directions × H), got ${v.length}`);
    for (let j = 0; j < n; j++) if (!Number.isFinite(v[j])) throw new Error(`example ${i}: ${what}[${j}] = ${v[j]} is not a finite number`);
  }
}

/** Throw a clear error for an example that does not fit the model's shape or vocabularies. */
export function validateExamples(config: ModelConfig, examples: readonly Example[], needTargets: boolean): void {
  const { shape, inputSize: I, outputSize: O } = config;
  const regression = config.loss === 'mse' && O === 1;
  if (regression && (shape === 'encoder-decoder' || shape === 'one-to-many')) {
    throw new Error(`${shape} feeds its outputs back as tokens, so it needs class targets (outputSize > 1), not a one-output regression`);
  }
  const dense = examples.length > 0 && examples[0].inputVectors !== undefined;
  for (let i = 0; i < examples.length; i++) {
    const ex = examples[i];
    if ((ex.inputVectors !== undefined) !== dense) throw new Error(`example ${i}: every example of a batch gives inputVectors, or none does`);
    if (ex.inputVectors) {
      if (shape === 'one-to-many') throw new Error(`example ${i}: one-to-many builds its inputs from tokens, so it takes no inputVectors`);
      if (ex.input.length > 0) throw new Error(`example ${i}: give input tokens or inputVectors, not both`);
      checkVectors(ex.inputVectors, I, i);
    } else if (shape === 'one-to-many' ? ex.input.length !== 1 : ex.input.length < 1) {
      throw new Error(`example ${i}: ${shape} needs ${shape === 'one-to-many' ? 'exactly one' : 'at least one'} input token, got ${ex.input.length}`);
    }
    checkTokens(ex.input, I, 'input', i, I === 1);
    checkInitialState(config, ex, i);
    if (!needTargets) continue;
    const n = ex.target.length;
    if (shape === 'many-to-one' && n !== 1) throw new Error(`example ${i}: many-to-one needs one target, got ${n}`);
    if (shape === 'many-to-many' && n !== inputLength(ex)) {
      throw new Error(`example ${i}: many-to-many needs as many targets as inputs (${inputLength(ex)}), got ${n}`);
    }
    if ((shape === 'encoder-decoder' || shape === 'one-to-many') && n < 1) throw new Error(`example ${i}: ${shape} needs at least one target`);
    checkTokens(ex.target, O, 'target', i, regression);
  }
}
