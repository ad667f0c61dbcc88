/**
 * Finite-difference gradient checks: compare ∂L/∂θ from BPTT with the central difference
 *   (L(θ + ε) − L(θ − ε)) / 2ε
 * for a sample of entries of every parameter. Meant for float64 models; the loss is the one forwardBackward
 * reports (mean over target tokens), evaluated with the same teacher-forced pass.
 */
import type { Model } from './api';
import type { Example } from './types';

export interface GradCheckEntry {
  readonly name: string;
  readonly index: number;
  readonly analytic: number;
  readonly numeric: number;
  /** |a − n| / max(|a| + |n|, floor) */
  readonly relError: number;
}

export interface GradCheckResult {
  /** Largest relative error over every checked entry. */
  readonly maxRelError: number;
  readonly worst: GradCheckEntry | null;
  readonly checked: number;
}

export interface GradCheckOptions {
  readonly eps?: number;
  /** Entries checked per parameter tensor (spread evenly, always including the first and last). */
  readonly perParam?: number;
  readonly truncate?: number;
  /** Denominator floor (default 1e-5): gradients that are both tiny are compared absolutely, since float64
   *  round-off in the central difference is about 1e-16/ε ≈ 1e-11. */
  readonly floor?: number;
}

export function gradCheck(model: Model, examples: readonly Example[], opts: GradCheckOptions = {}): GradCheckResult {
  const eps = opts.eps ?? 1e-5;
  const perParam = opts.perParam ?? 12;
  const floor = opts.floor ?? 1e-5;
  const fb = { trace: false, truncate: opts.truncate ?? 0 };
  model.forwardBackward(examples, fb);
  const analytic = model.params().map((p) => Float64Array.from(p.grad));
  let worst: GradCheckEntry | null = null;
  let checked = 0;
  model.params().forEach((p, pi) => {
    const n = p.value.length;
    const count = Math.min(n, perParam);
    for (let k = 0; k < count; k++) {
      const i = count === 1 ? 0 : Math.round((k * (n - 1)) / (count - 1));
      const orig = p.value[i];
      p.value[i] = orig + eps;
      const lp = model.forwardBackward(examples, fb).loss;
      p.value[i] = orig - eps;
      const lm = model.forwardBackward(examples, fb).loss;
      p.value[i] = orig;
      const numeric = (lp - lm) / (2 * eps);
      const a = analytic[pi][i];
      const relError = Math.abs(a - numeric) / Math.max(Math.abs(a) + Math.abs(numeric), floor);
      checked++;
      if (!worst || relError > worst.relError) worst = { name: p.name, index: i, analytic: a, numeric, relError };
    }
  });
  // Leave the grads as BPTT computed them at the original parameters.
  model.forwardBackward(examples, fb);
  return { maxRelError: worst ? (worst as GradCheckEntry).relError : 0, worst, checked };
}
