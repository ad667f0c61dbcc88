/**
 * The passes of a model over a batch: forward + BPTT for training, forward + scoring for evaluation,
 * greedy decoding (greedy-decode.ts) for the shapes that feed their outputs back in. Owns the packed batch and
 * scratch buffers.
 */
import type { ForwardBackwardOptions, InitialStateGrads, LossTally, TracedChain } from './api';
import type { Chain } from './chain';
import { inputLength, packDecoder, packInputs, packTargets, PackedSequence, validateExamples } from './batch-pack';
import { DensePack } from './dense-pack';
import { FinalFeatures } from './final-features';
import { initialStateGrads, injectContextGrads, loadContext, loadInitialStates } from './initial-state';
import type { LayerInput } from './layer-input';
import { connectivityOf, type Connectivity } from './attribution';
import type { Head } from './head';
import { greedyDecode } from './greedy-decode';
import type { Interrupt } from './interrupt';
import type { Kernels } from './kernels';
import { argmaxRow, createTally, scoreRow, scoreRows, softmaxOf } from './loss';
import type { ParamSet } from './param-set';
import type { Stack } from './stack';
import { realSteps, TracePlan } from './step-trace';
import type { DType, Example, ModelConfig, StepTrace } from './types';

/** Evaluation works through the examples in slices of this many, so buffers stay training-sized. */
const EVAL_SLICE = 32;

type FullTally = LossTally & { trace?: StepTrace; initialStateGrads?: InitialStateGrads };

export class ModelRunner {
  private readonly encPack = new PackedSequence(1);
  private readonly mainPack: PackedSequence;
  /** Many-to-one head input [h→_T ; h←_1] and its gradient. */
  private readonly finals: FinalFeatures;
  private readonly tally = createTally();
  /** Example.inputVectors, packed for the stack that reads the input. */
  private readonly dense: DensePack;
  /** What the reading stack read in the last forward pass (tokens, or the dense pack). */
  private readIn: LayerInput;
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
    this.dense = new DensePack(config.inputSize, kernels, dtype);
    this.readIn = this.mainPack.input;
    this.finals = new FinalFeatures(main, kernels, dtype);
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

  forwardBackward(examples: readonly Example[], opts: ForwardBackwardOptions): FullTally {
    const p = opts.perturb;
    if (!p) return this.forwardBackwardPass(examples, opts);
    const chain = this.chainNamed(p.chain);
    if (!chain || !(Number.isInteger(p.unit) && p.unit >= 0 && p.unit < chain.H) || (p.dc !== 0 && chain.kind !== 'lstm')) {
      throw new Error(`perturb: this model has no ${p.chain} chain with unit ${p.unit}${p.dc !== 0 ? ' and a cell state' : ''}`);
    }
    chain.nudge = { t: p.t, j: p.unit, dh: p.dh, dc: p.dc };
    try {
      return this.forwardBackwardPass(examples, opts);
    } finally {
      chain.nudge = null;
    }
  }

  /** The chain a StepTrace calls `name`, or null when this model has none. */
  private chainNamed(name: TracedChain): Chain | null {
    const reader = this.enc ?? this.main, rows = reader.chains, top = rows.length - 1;
    switch (name) {
      case 'top': return rows[top][0];
      case 'backward': return rows[top][1] ?? null;
      case 'lower': return top > 0 ? rows[0][0] : null;
      case 'lowerBackward': return top > 0 ? rows[0][1] ?? null : null;
      case 'decoder': return this.enc ? this.main.top[0] : null;
    }
  }

  private forwardBackwardPass(examples: readonly Example[], opts: ForwardBackwardOptions): FullTally {
    const truncate = opts.truncate;
    validateExamples(this.config, examples, true);
    this.set.grads.fill(0);
    if (examples.length === 0) return { loss: 0, correct: 0, total: 0 };
    const { head, main, enc, tally } = this;
    const O = this.config.outputSize;
    const B = examples.length;
    tally.fill(0);
    this.runForward(examples, true, -1);
    const pack = this.mainPack;
    const plan = opts.trace ? new TracePlan(enc ?? main, enc ? main : null, opts.traceChains ?? false) : null;
    main.zeroOutputGrads();
    if (this.config.shape === 'many-to-one') {
      const f = this.finals;
      f.gather(B);
      head.ensure(B);
      head.forward(0, B, f.feat, 0);
      head.zeroGrad(B);
      for (let b = 0; b < B; b++) scoreRow(this.config.loss, head.logits, b * O, O, pack.targets[b], head.dlogits, 1 / B, tally);
      f.dFeat.fill(0, 0, B * main.D);
      head.backward(B, f.feat, 0, f.dFeat, 0);
      f.scatterGrads(B);
      main.backward(this.readIn, pack.mask, false, truncate, plan?.reader ?? null);
    } else {
      const rows = pack.T * B;
      const top = main.output(main.chains.length - 1);
      head.ensure(rows);
      head.forward(0, rows, top.buf, top.off);
      head.zeroGrad(rows);
      let count = 0;
      for (let r = 0; r < rows; r++) count += pack.mask[r];
      scoreRows(this.config.loss, head.logits, rows, O, pack.targets, pack.mask, head.dlogits, 1 / count, tally, this.kernels);
      head.backward(rows, top.buf, top.off, main.dTop, 0);
      main.backward(enc || this.decoding ? pack.input : this.readIn, pack.mask, true, truncate, (enc ? plan?.decoder : plan?.reader) ?? null);
      if (enc) {
        injectContextGrads(enc, main, B);
        enc.zeroOutputGrads();
        enc.backward(this.readIn, this.encPack.mask, false, truncate, plan?.reader ?? null);
      }
    }
    const result: FullTally = { loss: tally[0] / tally[2], correct: tally[1], total: tally[2] };
    if (opts.initialStateGrads) result.initialStateGrads = initialStateGrads(enc ?? main, B);
    if (plan) {
      const decoderLen = realSteps(pack.mask, pack.T, B);
      result.trace = plan.build(enc ? realSteps(this.encPack.mask, this.encPack.T, B) : decoderLen, decoderLen);
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

  /**
   * softmax(y_T) after reading `input`: the model's probability for each token coming next. Many-to-many softmax
   * models only (a character language model), whose output vocabulary is also its input vocabulary.
   */
  nextDistribution(input: readonly number[]): number[] {
    const { config, head, main } = this;
    if (config.shape !== 'many-to-many' || config.loss !== 'softmax-ce') {
      throw new Error('nextDistribution: only many-to-many softmax models predict a next token');
    }
    const example: Example = { input, target: input.map(() => 0) };
    validateExamples(config, [example], false);
    this.runForward([example], false, -1);
    const T = this.mainPack.T;
    const O = config.outputSize;
    const top = main.output(main.chains.length - 1);
    head.ensure(T);
    head.forward(T - 1, T, top.buf, top.off);
    return softmaxOf(head.logits, (T - 1) * O, O);
  }

  predict(example: Example, maxLength?: number, stopToken?: number): number[] {
    validateExamples(this.config, [example], false);
    const out: number[][] = [[]];
    let length = -1;
    if (this.decoding) {
      const fallback = this.config.shape === 'encoder-decoder' ? 2 * inputLength(example) : 16;
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
      finals: () => (this.finals.gather(1), { feat: this.finals.feat, dFeat: this.finals.dFeat }),
      scatterFinalGrads: () => this.finals.scatterGrads(1),
      injectContextGrads: () => { if (this.enc) injectContextGrads(this.enc, this.main, 1); },
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
      this.finals.gather(B);
      head.ensure(B);
      head.forward(0, B, this.finals.feat, 0);
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
      loadInitialStates(enc, examples);
      enc.forward(this.readerInput(examples, this.encPack), this.encPack.mask);
    }
    if (this.decoding) {
      packDecoder(pack, examples, config, teacherForcing, decodeLength);
      main.begin(pack.T, B);
      if (enc) loadContext(enc, main, B);
      else loadInitialStates(main, examples);
      if (teacherForcing) main.forward(pack.input, pack.mask);
      return;
    }
    packInputs(pack, examples, config.inputSize);
    packTargets(pack, examples);
    main.begin(pack.T, B);
    loadInitialStates(main, examples);
    main.forward(this.readerInput(examples, pack), pack.mask);
  }

  /** The reading stack's input: the packed tokens, or the examples' inputVectors packed densely. */
  private readerInput(examples: readonly Example[], pack: PackedSequence): LayerInput {
    if (examples.length > 0 && examples[0].inputVectors) {
      this.dense.pack(examples, pack.T);
      this.readIn = this.dense.input;
    } else {
      this.readIn = pack.input;
    }
    return this.readIn;
  }
}
