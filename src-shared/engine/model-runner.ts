/**
 * The passes of a model over a batch: forward + BPTT for training, forward + scoring for evaluation,
 * greedy decoding (greedy-decode.ts) for the shapes that feed their outputs back in. Owns the packed batch and
 * scratch buffers.
 */
import type { LossTally } from './api';
import { connectivityOf, type Connectivity } from './attribution';
import { packDecoder, packInputs, packTargets, PackedSequence, validateExamples } from './batch-pack';
import type { ChainTrace } from './chain';
import type { Head } from './head';
import { greedyDecode } from './greedy-decode';
import type { Interrupt } from './interrupt';
import type { Kernels } from './kernels';
import { argmaxRow, createTally, scoreRow } from './loss';
import type { ParamSet } from './param-set';
import type { Stack } from './stack';
import { buildStepTrace } from './step-trace';
import type { DType, Example, FloatArray, ModelConfig, StepTrace } from './types';

/** Evaluation works through the examples in slices of this many, so buffers stay training-sized. */
const EVAL_SLICE = 32;

export class ModelRunner {
  private readonly encPack = new PackedSequence(1);
  private readonly mainPack: PackedSequence;
  /** Many-to-one head input: [h→_T ; h←_1] per row [B][D]. */
  private feat: FloatArray;
  /** ∂L/∂feat [B][D]. */
  private dFeat: FloatArray;
  private readonly tally = createTally();
  private readonly decoding: boolean;
  private readonly regression: boolean;
  /** Set while a pass runs under withInterrupt (greedy decoding asks it per step; the chains have their own). */
  private interrupt: Interrupt | null = null;

  constructor(
    private readonly config: ModelConfig,
    private readonly set: ParamSet,
    private readonly enc: Stack | null,
    private readonly main: Stack,
    private readonly head: Head,
    private readonly kernels: Kernels,
    private readonly dtype: DType,
  ) {
    this.mainPack = new PackedSequence(config.shape === 'one-to-many' ? 2 : 1);
    this.feat = kernels.alloc(dtype, 0);
    this.dFeat = kernels.alloc(dtype, 0);
    this.decoding = config.shape === 'encoder-decoder' || config.shape === 'one-to-many';
    this.regression = config.loss === 'mse' && config.outputSize === 1;
  }

  /** Run `pass` with every chain asking `interrupt` before each time step; cleared afterwards, thrown or not. */
  withInterrupt<R>(interrupt: Interrupt | null, pass: () => R): R {
    if (interrupt === null) return pass();
    const stacks = this.enc ? [this.enc, this.main] : [this.main];
    for (const s of stacks) s.setInterrupt(interrupt);
    this.interrupt = interrupt;
    try {
      return pass();
    } finally {
      for (const s of stacks) s.setInterrupt(null);
      this.interrupt = null;
    }
  }

  forwardBackward(examples: readonly Example[], trace: boolean, truncate: number): LossTally & { trace?: StepTrace } {
    validateExamples(this.config, examples, true);
    this.set.grads.fill(0);
    if (examples.length === 0) return { loss: 0, correct: 0, total: 0 };
    const { head, main, enc, tally } = this;
    const O = this.config.outputSize;
    const B = examples.length;
    tally.fill(0);
    this.runForward(examples, true, -1);
    const pack = this.mainPack;
    const traced = enc ?? main;
    const chainTrace: ChainTrace | null = trace
      ? { dhNorms: new Float64Array(traced.T), whhContrib: new Float64Array(traced.T), dh: new Float64Array(traced.T * traced.shape.H) }
      : null;
    main.zeroOutputGrads();
    if (this.config.shape === 'many-to-one') {
      this.gatherFinals(B);
      head.ensure(B);
      head.forward(0, B, this.feat, 0);
      head.zeroGrad(B);
      for (let b = 0; b < B; b++) scoreRow(this.config.loss, head.logits, b * O, O, pack.targets[b], head.dlogits, 1 / B, tally);
      this.dFeat.fill(0, 0, B * main.D);
      head.backward(B, this.feat, 0, this.dFeat, 0);
      this.scatterFinalGrads(B);
      main.backward(pack.input, pack.mask, false, truncate, chainTrace);
    } else {
      const rows = pack.T * B;
      const top = main.output(main.chains.length - 1);
      head.ensure(rows);
      head.forward(0, rows, top.buf, top.off);
      head.zeroGrad(rows);
      let count = 0;
      for (let r = 0; r < rows; r++) count += pack.mask[r];
      for (let r = 0; r < rows; r++) {
        if (pack.mask[r]) scoreRow(this.config.loss, head.logits, r * O, O, pack.targets[r], head.dlogits, 1 / count, tally);
      }
      head.backward(rows, top.buf, top.off, main.dTop, 0);
      main.backward(pack.input, pack.mask, true, truncate, enc ? null : chainTrace);
      if (enc) {
        this.injectContextGrads(B);
        enc.zeroOutputGrads();
        enc.backward(this.encPack.input, this.encPack.mask, false, truncate, chainTrace);
      }
    }
    const result: LossTally & { trace?: StepTrace } = { loss: tally[0] / tally[2], correct: tally[1], total: tally[2] };
    if (chainTrace) {
      const p = enc ? this.encPack : pack;
      let len = 0;
      while (len < p.T && p.mask[len * B] === 1) len++;
      result.trace = buildStepTrace(traced.top[0], chainTrace, len, traced.top.length > 1 ? traced.top[1] : undefined);
    }
    return result;
  }

  evaluate(examples: readonly Example[]): LossTally & { outputs: number[][] } {
    validateExamples(this.config, examples, true);
    const outputs: number[][] = [];
    const all = createTally();
    for (let s = 0; s < examples.length; s += EVAL_SLICE) {
      const slice = examples.slice(s, s + EVAL_SLICE);
      const part = slice.map((): number[] => []);
      this.tally.fill(0);
      this.score(slice, part, true, -1, -1);
      for (let i = 0; i < 3; i++) all[i] += this.tally[i];
      outputs.push(...part);
    }
    return { loss: all[2] > 0 ? all[0] / all[2] : 0, correct: all[1], total: all[2], outputs };
  }

  predict(example: Example, maxLength?: number, stopToken?: number): number[] {
    validateExamples(this.config, [example], false);
    const out: number[][] = [[]];
    let length = -1;
    if (this.decoding) {
      const fallback = this.config.shape === 'encoder-decoder' ? 2 * example.input.length : 16;
      length = maxLength ?? (example.target.length > 0 ? example.target.length : fallback);
      if (!(Number.isInteger(length) && length >= 1)) throw new Error(`predict: maxLength must be a whole number ≥ 1, got ${length}`);
    }
    this.tally.fill(0);
    this.score([example], out, false, length, stopToken ?? -1);
    return out[0];
  }

  /** Exact connectivity of one example (see attribution.ts); leaves every grad at zero. */
  connectivity(example: Example): Connectivity {
    validateExamples(this.config, [example], true);
    this.runForward([example], true, -1);
    const parts = {
      config: this.config, main: this.main, enc: this.enc, head: this.head,
      mainInput: this.mainPack.input, mainMask: this.mainPack.mask, encInput: this.encPack.input, encMask: this.encPack.mask,
      finals: () => (this.gatherFinals(1), { feat: this.feat, dFeat: this.dFeat }),
      scatterFinalGrads: () => this.scatterFinalGrads(1),
      injectContextGrads: () => this.injectContextGrads(1),
    };
    try {
      return connectivityOf(parts);
    } finally {
      this.set.grads.fill(0);
    }
  }

  /**
   * Forward without gradients; writes greedy outputs and, withTargets, scores into this.tally.
   * Decoders run `decodeLength` steps, or each example's target length when it is −1.
   */
  private score(examples: readonly Example[], outputs: number[][], withTargets: boolean, decodeLength: number, stopToken: number): void {
    const { head, main } = this;
    const O = this.config.outputSize;
    const B = examples.length;
    this.runForward(examples, false, decodeLength);
    const pack = this.mainPack;
    if (this.decoding) {
      greedyDecode(main, head, this.config, pack, outputs, withTargets ? this.tally : null, stopToken, this.interrupt);
      return;
    }
    if (this.config.shape === 'many-to-one') {
      this.gatherFinals(B);
      head.ensure(B);
      head.forward(0, B, this.feat, 0);
      for (let b = 0; b < B; b++) {
        outputs[b].push(this.readOutput(b * O));
        if (withTargets) scoreRow(this.config.loss, head.logits, b * O, O, pack.targets[b], null, 0, this.tally);
      }
      return;
    }
    const rows = pack.T * B;
    const top = main.output(main.chains.length - 1);
    head.ensure(rows);
    head.forward(0, rows, top.buf, top.off);
    for (let r = 0; r < rows; r++) {
      if (!pack.mask[r]) continue;
      outputs[r % B].push(this.readOutput(r * O));
      if (withTargets) scoreRow(this.config.loss, head.logits, r * O, O, pack.targets[r], null, 0, this.tally);
    }
  }

  private readOutput(off: number): number {
    const y = this.head.logits;
    return this.regression ? y[off] : argmaxRow(y, off, this.config.outputSize);
  }

  /** Pack the batch and run the stacks forward (the decoder only with teacher forcing; greedy runs it later). */
  private runForward(examples: readonly Example[], teacherForcing: boolean, decodeLength: number): void {
    const { enc, main, config } = this;
    const B = examples.length;
    const pack = this.mainPack;
    if (enc) {
      packInputs(this.encPack, examples, config.inputSize);
      enc.begin(this.encPack.T, B);
      enc.forward(this.encPack.input, this.encPack.mask);
    }
    if (this.decoding) {
      packDecoder(pack, examples, config, teacherForcing, decodeLength);
      main.begin(pack.T, B);
      if (enc) this.loadContext(B);
      if (teacherForcing) main.forward(pack.input, pack.mask);
      return;
    }
    packInputs(pack, examples, config.inputSize);
    packTargets(pack, examples);
    main.begin(pack.T, B);
    main.forward(pack.input, pack.mask);
  }

  /** Decoder layer l starts from [h→ ; h←] (and [c→ ; c←]) of encoder layer l's final states. */
  private loadContext(B: number): void {
    const enc = this.enc!, main = this.main;
    const H = enc.shape.H, Hd = main.shape.H, lstm = this.config.cell === 'lstm';
    for (let l = 0; l < enc.chains.length; l++) {
      const dec = main.chains[l][0].work;
      const row = enc.chains[l];
      for (let d = 0; d < row.length; d++) {
        const c = row[d];
        const at = c.finalSlot * B * H;
        for (let b = 0; b < B; b++) {
          for (let j = 0; j < H; j++) {
            dec.h0[b * Hd + d * H + j] = c.work.hs[at + b * H + j];
            if (lstm) dec.c0[b * Hd + d * H + j] = c.work.cs[at + b * H + j];
          }
        }
      }
    }
  }

  /** ∂L/∂(context) = the decoder's ∂L/∂h_0, handed to the encoder chains' final states. */
  private injectContextGrads(B: number): void {
    const enc = this.enc!, main = this.main;
    const H = enc.shape.H, Hd = main.shape.H, lstm = this.config.cell === 'lstm';
    for (let l = 0; l < enc.chains.length; l++) {
      const dec = main.chains[l][0].work;
      const row = enc.chains[l];
      for (let d = 0; d < row.length; d++) {
        const w = row[d].work;
        for (let b = 0; b < B; b++) {
          for (let j = 0; j < H; j++) {
            w.dhFinal[b * H + j] = dec.dh0[b * Hd + d * H + j];
            if (lstm) w.dcFinal[b * H + j] = dec.dc0[b * Hd + d * H + j];
          }
        }
      }
    }
  }

  /** feat row b = [h→_T ; h←_1] of the top layer (the last state each direction reached). */
  private gatherFinals(B: number): void {
    const main = this.main, H = main.shape.H, D = main.D;
    if (this.feat.length < B * D) {
      this.feat = this.kernels.alloc(this.dtype, B * D);
      this.dFeat = this.kernels.alloc(this.dtype, B * D);
    }
    const top = main.top;
    for (let d = 0; d < top.length; d++) {
      const hs = top[d].work.hs, at = top[d].finalSlot * B * H;
      for (let b = 0; b < B; b++) for (let j = 0; j < H; j++) this.feat[b * D + d * H + j] = hs[at + b * H + j];
    }
  }

  private scatterFinalGrads(B: number): void {
    const main = this.main, H = main.shape.H, D = main.D;
    const top = main.top;
    for (let d = 0; d < top.length; d++) {
      const g = top[d].work.dhFinal;
      for (let b = 0; b < B; b++) for (let j = 0; j < H; j++) g[b * H + j] = this.dFeat[b * D + d * H + j];
    }
  }
}
