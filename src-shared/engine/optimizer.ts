/**
 * Optimizers over a model's parameter tensors, with global-norm gradient clipping first:
 *   ‖g‖ = √(Σ over every parameter of g²);  if clipNorm > 0 and ‖g‖ > clipNorm:  g ← g · clipNorm / ‖g‖
 * - SGD with momentum μ:  v ← μ·v + g;  θ ← θ − lr·v              (μ = 0 is plain SGD)
 * - Adam (β1 = 0.9, β2 = 0.999, ε = 1e-8):  m ← β1·m + (1−β1)·g;  s ← β2·s + (1−β2)·g²;
 *   θ ← θ − lr · m̂ / (√ŝ + ε)  with the bias corrections m̂ = m/(1−β1^k), ŝ = s/(1−β2^k) at step k.
 * State is kept in float64 whatever the model's dtype. When the model's kernel set offers optimizer passes over
 * its flat buffers (the WebAssembly set), the state lives beside them and each pass is one call: same numbers.
 */
import type { ClipReport, FlatParams, Model, Optimizer, ParamTensor } from './api';
import type { OptimizerPasses } from './kernels';
import type { FloatArray, OptimizerConfig } from './types';
import { isNumberArray, toNumbers } from './params-io';

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

/** ‖g‖₂ over every parameter's gradient. */
export function globalGradNorm(params: readonly ParamTensor[]): number {
  let s = 0;
  for (const p of params) {
    const g = p.grad;
    for (let i = 0; i < g.length; i++) s += g[i] * g[i];
  }
  return Math.sqrt(s);
}

/** Scale every gradient so the global norm is at most maxNorm (0 = no clipping). */
export function clipGradients(params: readonly ParamTensor[], maxNorm: number): ClipReport {
  const before = globalGradNorm(params);
  if (!(maxNorm > 0) || !(before > maxNorm)) return { gradNormBefore: before, gradNormAfter: before, clipped: false };
  const c = maxNorm / before;
  for (const p of params) {
    const g = p.grad;
    for (let i = 0; i < g.length; i++) g[i] *= c;
  }
  return { gradNormBefore: before, gradNormAfter: maxNorm, clipped: true };
}

class ModelOptimizer implements Optimizer {
  /** Per parameter: SGD velocity v, or Adam first moment m. */
  private readonly first: Float64Array[];
  /** Per parameter: Adam second moment s (empty for SGD). */
  private readonly second: Float64Array[];
  private readonly names: string[];
  /** Adam step count k (for the bias corrections). */
  private t = 0;
  /** The kernel set's passes over the flat buffers, when the state could be put beside them. */
  private readonly flat: FlatRun | null;

  constructor(
    private readonly config: OptimizerConfig,
    model: Model,
  ) {
    if (!(config.learningRate > 0)) throw new Error(`optimizer: learningRate must be > 0, got ${config.learningRate}`);
    const params = model.params();
    this.names = params.map((p) => p.name);
    const adam = config.kind === 'adam';
    const flat = model.flat ? flatPasses(model.flat, params, adam) : null;
    this.flat = flat?.run ?? null;
    this.first = flat ? flat.first : params.map((p) => new Float64Array(p.value.length));
    this.second = flat ? flat.second : params.map((p) => new Float64Array(adam ? p.value.length : 0));
  }

  step(model: Model): ClipReport {
    const params = model.params();
    if (params.length !== this.first.length) throw new Error('optimizer: this model is not the one the optimizer was made for');
    if (this.flat && model.flat?.values === this.flat.values) return this.flatStep(this.flat);
    const report = clipGradients(params, this.config.clipNorm);
    const lr = this.config.learningRate;
    if (this.config.kind === 'sgd') {
      const mu = this.config.momentum;
      for (let p = 0; p < params.length; p++) {
        const w = params[p].value, g = params[p].grad, v = this.first[p];
        for (let i = 0; i < w.length; i++) {
          const vi = mu * v[i] + g[i];
          v[i] = vi;
          w[i] -= lr * vi;
        }
      }
      return report;
    }
    this.t += 1;
    const c1 = 1 / (1 - BETA1 ** this.t);
    const c2 = 1 / (1 - BETA2 ** this.t);
    for (let p = 0; p < params.length; p++) {
      const w = params[p].value, g = params[p].grad, m = this.first[p], s = this.second[p];
      for (let i = 0; i < w.length; i++) {
        const gi = g[i];
        const mi = BETA1 * m[i] + (1 - BETA1) * gi;
        const si = BETA2 * s[i] + (1 - BETA2) * gi * gi;
        m[i] = mi;
        s[i] = si;
        w[i] -= (lr * mi * c1) / (Math.sqrt(si * c2) + EPS);
      }
    }
    return report;
  }

  /** step() as one pass per stage over the flat buffers; the same float64 arithmetic as the loops above. */
  private flatStep({ passes, values, grads, first, second }: FlatRun): ClipReport {
    const before = Math.sqrt(passes.sumSquares(grads));
    const maxNorm = this.config.clipNorm;
    let report: ClipReport = { gradNormBefore: before, gradNormAfter: before, clipped: false };
    if (maxNorm > 0 && before > maxNorm) {
      passes.scale(grads, maxNorm / before);
      report = { gradNormBefore: before, gradNormAfter: maxNorm, clipped: true };
    }
    const lr = this.config.learningRate;
    if (this.config.kind === 'sgd') {
      passes.sgd(values, grads, first, lr, this.config.momentum);
      return report;
    }
    this.t += 1;
    passes.adam(values, grads, first, second, lr, BETA1, BETA2, EPS, 1 / (1 - BETA1 ** this.t), 1 / (1 - BETA2 ** this.t));
    return report;
  }

  exportState(): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const [key, values] of this.#stateEntries()) out[key] = toNumbers(values);
    return out;
  }

  exportStateArrays(): Record<string, Float64Array> {
    const out: Record<string, Float64Array> = {};
    for (const [key, values] of this.#stateEntries()) out[key] = values.slice();
    return out;
  }

  /** The state by checkpoint key, as views (not copies): `step`, then each parameter's slot(s). */
  #stateEntries(): [string, Float64Array][] {
    const entries: [string, Float64Array][] = [['step', Float64Array.of(this.t)]];
    const slot1 = this.config.kind === 'adam' ? 'm' : 'v';
    this.names.forEach((n, p) => {
      entries.push([`${n}.${slot1}`, this.first[p]]);
      if (this.config.kind === 'adam') entries.push([`${n}.s`, this.second[p]]);
    });
    return entries;
  }

  /** Restore what exportState wrote; a missing, extra or wrongly sized entry is an error naming it. */
  importState(state: Readonly<Record<string, ArrayLike<number>>>): void {
    const slot1 = this.config.kind === 'adam' ? 'm' : 'v';
    const expected = new Set(['step']);
    const step = state.step;
    if (!isNumberArray(step) || step.length !== 1 || !Number.isInteger(step[0]) || step[0] < 0) {
      throw new Error('optimizer state: "step" must be [a whole number ≥ 0]');
    }
    const load = (key: string, into: Float64Array): void => {
      expected.add(key);
      const v = state[key];
      if (!isNumberArray(v)) throw new Error(`optimizer state: missing "${key}"`);
      if (v.length !== into.length) throw new Error(`optimizer state: "${key}" has ${v.length} values, expected ${into.length}`);
      for (let i = 0; i < v.length; i++) {
        if (typeof v[i] !== 'number' || !Number.isFinite(v[i])) throw new Error(`optimizer state: "${key}"[${i}] is not a finite number`);
      }
    };
    this.names.forEach((n, p) => {
      load(`${n}.${slot1}`, this.first[p]);
      if (this.config.kind === 'adam') load(`${n}.s`, this.second[p]);
    });
    for (const key of Object.keys(state)) if (!expected.has(key)) throw new Error(`optimizer state: unexpected entry "${key}"`);
    // Everything checked: now copy.
    this.t = step[0];
    this.names.forEach((n, p) => {
      this.first[p].set(state[`${n}.${slot1}`]);
      if (this.config.kind === 'adam') this.second[p].set(state[`${n}.s`]);
    });
  }
}

/** What a flat step needs: the passes, the model's flat buffers, and the state as flat buffers. */
interface FlatRun {
  readonly passes: OptimizerPasses;
  readonly values: FloatArray;
  readonly grads: FloatArray;
  /** SGD's velocity v, or Adam's first moment m. */
  readonly first: Float64Array;
  /** Adam's second moment s (empty for SGD). */
  readonly second: Float64Array;
}

/**
 * Flat state beside the model's buffers, with per-parameter views into it, when the kernels offer the passes,
 * both buffers are in their reach, and params() tiles them in order (the layout param-set.ts makes); else null.
 */
function flatPasses(flat: FlatParams, params: readonly ParamTensor[], adam: boolean): { run: FlatRun; first: Float64Array[]; second: Float64Array[] } | null {
  const passes = flat.kernels.optimizer;
  const { values, grads } = flat;
  if (!passes || !passes.owns(values) || !passes.owns(grads) || values.length !== grads.length) return null;
  let off = 0;
  for (const p of params) {
    const at = (p.value.byteOffset - values.byteOffset) / values.BYTES_PER_ELEMENT;
    if (p.value.buffer !== values.buffer || p.grad.buffer !== grads.buffer || at !== off) return null;
    if ((p.grad.byteOffset - grads.byteOffset) / grads.BYTES_PER_ELEMENT !== off) return null;
    off += p.value.length;
  }
  if (off !== values.length) return null;
  const v = passes.allocState(off), s = adam ? passes.allocState(off) : new Float64Array(0);
  if (!v || !s) return null;
  const views = (buf: Float64Array, used: boolean): Float64Array[] => {
    let o = 0;
    return params.map((p) => (used ? buf.subarray(o, (o += p.value.length)) : new Float64Array(0)));
  };
  return { run: { passes, values, grads, first: v, second: s }, first: views(v, true), second: views(s, adam) };
}

export function createOptimizer(config: OptimizerConfig, model: Model): Optimizer {
  return new ModelOptimizer(config, model);
}
