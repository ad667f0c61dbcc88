/**
 * Exact connectivity of one example: how strongly each output depends on each earlier input word.
 *
 *   a[t][s] = |⟨∂y_{t,ĉ_t} / ∂x_s , x_s⟩|,   ĉ_t = argmax_c y_{t,c}   (the only output for a one-output regression)
 *
 * for every output step t (rows) and every input step s (columns): x_s is the input vector at step s (one-hot
 * over the vocabulary, or the scalar itself when I = 1) and y_{t,ĉ_t} the logit of the class the model predicts at
 * step t. For a one-hot x_s, a[t][s] is ∂y/∂α at α = 1 when word s is scaled to α·x_s: how far the verdict moves
 * as that word fades. The gradient itself, through the layer-0 chains (both directions of a bidirectional stack):
 *
 *   g_{t,s} = ∂y_{t,ĉ_t}/∂x_s = Σ_dir Wxhᵀ · δ_s,   δ_s = ∂y_{t,ĉ_t}/∂(Wxh·x_s + bh)   (the chain's dz row s)
 *
 * and δ_s is what one BPTT pass leaves behind when the head's gradient is the unit vector e_ĉ at row t alone.
 * `sensitivity` keeps ‖g_{t,s}‖₂ as well.
 *
 * Why this quantity:
 * - x_s, not h_s: h_s is ambiguous in a two-layer or bidirectional model (which layer, which direction; and the
 *   LSTM's memory is c_s, not h_s), while x_s is the word itself, the thing a learner points at.
 * - the predicted logit y_{t,ĉ}, not L_t: the loss gradient fades to nothing as the model learns, exactly when
 *   the picture gets interesting; the logit is what the verdict is read from. And not the whole Jacobian
 *   ∂y_t/∂x_s: that costs O passes per output step instead of one.
 * - ⟨g, x_s⟩ rather than ‖g‖ for the picture: ‖g‖ measures how much *any* substitution at step s could move the
 *   output (swapping a word of the opening clause for "but" would), so on the trained sentiment LSTM it peaks
 *   before the "but" in most reviews; ⟨g, x_s⟩ asks about the word that is actually there.
 *
 * Rows: many-to-one has one row (t = T, the verdict); many-to-many has T rows and, left to right, a lower
 * triangle (s > t is exactly 0; a bidirectional model fills it); encoder-decoder has one row per decoder
 * step (teacher forcing) over every encoder input. One-to-many has a single input and no connectivity.
 *
 * Cost: one forward pass, then one BPTT pass per output row. Measured in float32, T = 50, H = 128, 20-token
 * vocabulary, many-to-many (50 passes): RNN ≈ 160–210 ms, LSTM ≈ 320–350 ms per matrix (node, on a busy
 * shared core; see attribution.test.ts). A many-to-one matrix is one pass: T = 50, H = 128 costs a few ms.
 */
import type { Head } from './head';
import type { SparseInput } from './layer-input';
import { argmaxRow } from './loss';
import type { Stack } from './stack';
import type { FloatArray, ModelConfig } from './types';

export interface Connectivity {
  /** a[t][s] = |⟨∂y_{t,ĉ_t}/∂x_s, x_s⟩| (see above): rows are output steps, columns the input steps 1..S (index s−1). */
  readonly matrix: number[][];
  /** ‖∂y_{t,ĉ_t}/∂x_s‖₂, same layout: how much any change of word s could move the output. */
  readonly sensitivity: number[][];
  /** For each row, the 1-based step it stands for: T for many-to-one, t for many-to-many, the decoder step t otherwise. */
  readonly outputSteps: number[];
  /** ĉ_t for each row: the class whose logit is differentiated. */
  readonly predicted: number[];
  /** y_{t,ĉ_t} for each row: the logit itself (what a finite difference perturbs). */
  readonly scores: number[];
}

/** What a ModelRunner hands over after running the example forward (B = 1, teacher forcing). */
export interface ConnectivityParts {
  readonly config: ModelConfig;
  readonly main: Stack;
  readonly enc: Stack | null;
  readonly head: Head;
  readonly mainInput: SparseInput;
  readonly mainMask: Uint8Array;
  readonly encInput: SparseInput | null;
  readonly encMask: Uint8Array | null;
  /** Many-to-one: gather [h→_T ; h←_1] into the head's input row and return it with a buffer for its gradient. */
  finals(): { readonly feat: FloatArray; readonly dFeat: FloatArray };
  /** Many-to-one: hand dFeat to the top chains' final states. */
  scatterFinalGrads(): void;
  /** Encoder-decoder: hand the decoder's ∂/∂h_0 (and c_0) to the encoder's final states. */
  injectContextGrads(): void;
}

export function connectivityOf(p: ConnectivityParts): Connectivity {
  const { config, main, enc, head } = p;
  if (config.shape === 'one-to-many') throw new Error('connectivity: one-to-many reads a single input, so there is no dependence across input steps');
  const O = config.outputSize;
  const source = enc ?? main;
  const sourceInput = enc ? p.encInput! : p.mainInput;
  const out: Connectivity = { matrix: [], sensitivity: [], outputSteps: [], predicted: [], scores: [] };
  const pick = (row: number): number => {
    const c = O === 1 ? 0 : argmaxRow(head.logits, row * O, O);
    out.predicted.push(c);
    out.scores.push(head.logits[row * O + c]);
    head.zeroGrad(head.dlogits.length / O);
    head.dlogits[row * O + c] = 1;
    return c;
  };
  if (config.shape === 'many-to-one') {
    const { feat, dFeat } = p.finals();
    head.ensure(1);
    head.forward(0, 1, feat, 0);
    pick(0);
    main.zeroOutputGrads();
    dFeat.fill(0, 0, main.D);
    head.backward(1, feat, 0, dFeat, 0);
    p.scatterFinalGrads();
    main.backward(p.mainInput, p.mainMask, false, 0, null);
    inputGrads(source, sourceInput, out.matrix, out.sensitivity);
    out.outputSteps.push(source.T);
    return out;
  }
  const rows = main.T;
  const top = main.output(main.chains.length - 1);
  head.ensure(rows);
  head.forward(0, rows, top.buf, top.off);
  for (let r = 0; r < rows; r++) {
    pick(r);
    main.zeroOutputGrads();
    head.backward(rows, top.buf, top.off, main.dTop, 0);
    main.backward(p.mainInput, p.mainMask, true, 0, null);
    if (enc) {
      p.injectContextGrads();
      enc.zeroOutputGrads();
      enc.backward(p.encInput!, p.encMask!, false, 0, null);
    }
    inputGrads(source, sourceInput, out.matrix, out.sensitivity);
    out.outputSteps.push(r + 1);
  }
  return out;
}

/**
 * After a backward pass, g_s = Σ_dir Wxhᵀ · dz_s = ∂y/∂x_s for s = 1..T of the stack's layer 0 (batch row 0);
 * pushes |⟨g_s, x_s⟩| onto `shares` and ‖g_s‖ onto `sensitivity`.
 */
function inputGrads(stack: Stack, input: SparseInput, shares: number[][], sensitivity: number[][]): void {
  const chains = stack.chains[0];
  const I = chains[0].I, S = input.slots, B = stack.B;
  const g = new Float64Array(I);
  const share = new Array<number>(stack.T);
  const norm = new Array<number>(stack.T);
  for (let s = 1; s <= stack.T; s++) {
    g.fill(0);
    for (const c of chains) {
      const GH = c.work.G * c.H, W = c.Wxh.value, dz = c.work.dz, at = (s - 1) * B * GH;
      for (let q = 0; q < GH; q++) {
        const d = dz[at + q];
        if (d === 0) continue;
        const row = q * I;
        for (let k = 0; k < I; k++) g[k] += W[row + k] * d;
      }
    }
    let n = 0;
    for (let k = 0; k < I; k++) n += g[k] * g[k];
    norm[s - 1] = Math.sqrt(n);
    // ⟨g_s, x_s⟩ over x_s's (column, value) pairs
    let dot = 0;
    for (let k = 0; k < S; k++) {
      const i = (s - 1) * B * S + k, col = input.idx[i];
      if (col >= 0) dot += g[col] * input.val[i];
    }
    share[s - 1] = Math.abs(dot);
  }
  shares.push(share);
  sensitivity.push(norm);
}
