/**
 * What a model is made of, worked out from its config alone (no buffers, no wasm memory): the stacks it
 * builds, their parameter specs, and so the parameter count. createModel builds exactly these, so every count
 * the app shows comes from paramCount() and agrees with the model's own.
 */
import { chainParamSpecs } from './chain';
import { gateCount } from './chain-work';
import { headParamSpecs } from './head';
import { sizeOf, type ParamSpec } from './param-set';
import { stackParamSpecs, type StackShape } from './stack';
import type { CellKind, ModelConfig } from './types';

export interface ModelShape {
  /** The encoder of an encoder-decoder, else null. */
  readonly enc: StackShape | null;
  /** The stack the head reads (the decoder of an encoder-decoder). */
  readonly main: StackShape;
  /** D: width of what the head reads, H·dirs of the main stack. */
  readonly D: number;
}

export function validateConfig(c: ModelConfig): void {
  const positive = (v: number, what: string): void => {
    if (!(Number.isInteger(v) && v >= 1)) throw new Error(`model config: ${what} must be a whole number ≥ 1, got ${v}`);
  };
  positive(c.inputSize, 'inputSize');
  positive(c.hiddenSize, 'hiddenSize');
  positive(c.outputSize, 'outputSize');
  if (c.layers !== 1 && c.layers !== 2) throw new Error(`model config: layers must be 1 or 2, got ${String(c.layers)}`);
  if (c.loss === 'softmax-ce' && c.outputSize < 2) throw new Error('model config: softmax-ce needs outputSize ≥ 2');
  if (c.init.kind === 'spectral' && !(c.init.spectralRadius > 0)) throw new Error('model config: init.spectralRadius must be > 0');
}

/**
 * The stacks of a config. An encoder-decoder's decoder has state H·dirs (it starts from both encoder directions)
 * and reads O + 1 columns (previous output, BOS); one-to-many reads I + O + 1 (seed, previous output, BOS) with
 * one direction. See model.ts.
 */
export function modelShape(config: ModelConfig): ModelShape {
  validateConfig(config);
  const { cell: kind, activation, inputSize: I, hiddenSize: H, outputSize: O, layers, shape } = config;
  const dirs: 1 | 2 = config.bidirectional && shape !== 'one-to-many' ? 2 : 1;
  let enc: StackShape | null = null;
  let main: StackShape;
  if (shape === 'encoder-decoder') {
    enc = { prefix: '', kind, activation, I, H, layers, dirs };
    main = { prefix: 'dec.', kind, activation, I: O + 1, H: H * dirs, layers, dirs: 1 };
  } else if (shape === 'one-to-many') {
    main = { prefix: '', kind, activation, I: I + O + 1, H, layers, dirs: 1 };
  } else {
    main = { prefix: '', kind, activation, I, H, layers, dirs };
  }
  return { enc, main, D: main.H * main.dirs };
}

/** Every parameter tensor of the model, in the order createModel lays them out. */
export function modelParamSpecs(config: ModelConfig): ParamSpec[] {
  const { enc, main, D } = modelShape(config);
  return [...(enc ? stackParamSpecs(enc) : []), ...stackParamSpecs(main), ...headParamSpecs(config.outputSize, D)];
}

/** Trainable scalars of the model createModel(config) builds, counted without building it. */
export function paramCount(config: ModelConfig): number {
  let n = 0;
  for (const s of modelParamSpecs(config)) n += sizeOf(s.shape);
  return n;
}

/** One recurrent chain's share of the count: G gate blocks of H·I + H·H + H, plus H for the GRU's bhn. */
export interface ChainParams {
  /** e.g. 'l0.fwd', 'dec.l1.fwd'. */
  readonly chain: string;
  readonly cell: CellKind;
  /** What the chain reads per step (x_t's width, or the layer below's D). */
  readonly inputSize: number;
  readonly hiddenSize: number;
  readonly gates: number;
  readonly count: number;
}

/** The model's count chain by chain (encoder first, then the main stack), and the head's O·D + O. */
export function paramParts(config: ModelConfig): { readonly chains: ChainParams[]; readonly head: { readonly inputSize: number; readonly count: number } } {
  const { enc, main, D } = modelShape(config);
  const chains: ChainParams[] = [];
  for (const s of enc ? [enc, main] : [main]) {
    for (let l = 0; l < s.layers; l++) {
      const I = l === 0 ? s.I : s.H * s.dirs;
      for (const dir of s.dirs === 2 ? ['fwd', 'bwd'] : ['fwd']) {
        const chain = `${s.prefix}l${l}.${dir}`;
        let count = 0;
        for (const p of chainParamSpecs(chain, s.kind, I, s.H)) count += sizeOf(p.shape);
        chains.push({ chain, cell: s.kind, inputSize: I, hiddenSize: s.H, gates: gateCount(s.kind), count });
      }
    }
  }
  return { chains, head: { inputSize: D, count: config.outputSize * D + config.outputSize } };
}
