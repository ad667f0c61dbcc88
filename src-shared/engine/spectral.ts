/**
 * Spectral radius ρ(W) = max |λ_i(W)| of a square matrix, without eigenvalues. Gelfand's formula says
 * ‖W^n‖ ≈ C·ρ^n for large n; we square the matrix k times (rescaling after every squaring so nothing
 * overflows, and keeping the logarithm of the scale) and take the ratio of the last two norms,
 *   ρ ≈ (‖W^(2m)‖ / ‖W^m‖)^(1/m),  m = 2^(k−1),
 * in which the constant C cancels: exact for a scaled identity or rotation, and accurate to well under 1% for
 * random recurrent matrices. Deterministic (no random start) and, unlike plain power iteration, it also
 * converges when the largest eigenvalues are a complex pair.
 */
import type { FloatArray } from './types';

/** ρ of the n×n matrix stored row-major at W[off …]. Costs k matrix products (k·n³ multiply-adds). */
export function spectralRadiusOf(W: FloatArray, n: number, off = 0, squarings = 12): number {
  let A = new Float64Array(n * n);
  let P = new Float64Array(n * n);
  for (let i = 0; i < n * n; i++) A[i] = W[off + i];
  // A holds W^(2^s) / exp(logScale), so logScale = log ‖W^(2^s)‖_F.
  let logScale = 0;
  let prevLog = 0;
  let norm = frobenius(A);
  if (norm === 0 || !Number.isFinite(norm)) return norm === 0 ? 0 : NaN;
  scale(A, 1 / norm);
  logScale = Math.log(norm);
  for (let s = 0; s < squarings; s++) {
    P.fill(0);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < n; k++) {
        const a = A[i * n + k];
        if (a === 0) continue;
        for (let j = 0; j < n; j++) P[i * n + j] += a * A[k * n + j];
      }
    }
    norm = frobenius(P);
    if (norm === 0) return 0;
    const tmp = A;
    A = P;
    P = tmp;
    scale(A, 1 / norm);
    // W^(2^(s+1)) = (e^{logScale} A)² = e^{2·logScale} · norm · A'
    prevLog = logScale;
    logScale = 2 * logScale + Math.log(norm);
  }
  if (squarings === 0) return Math.exp(logScale);
  return Math.exp((logScale - prevLog) / 2 ** (squarings - 1));
}

function frobenius(A: Float64Array): number {
  let s = 0;
  for (let i = 0; i < A.length; i++) s += A[i] * A[i];
  return Math.sqrt(s);
}

function scale(A: Float64Array, c: number): void {
  for (let i = 0; i < A.length; i++) A[i] *= c;
}

/**
 * Largest singular value σ_max(W) = ‖W‖₂ by power iteration on WᵀW from a fixed start vector. W is first
 * divided by its largest |entry| (and the result multiplied back) so norms like 1e-200 do not underflow.
 */
export function spectralNormOf(W: ArrayLike<number>, rows: number, cols: number, iterations = 100): number {
  let maxAbs = 0;
  for (let i = 0; i < rows * cols; i++) maxAbs = Math.max(maxAbs, Math.abs(W[i]));
  if (maxAbs === 0 || !Number.isFinite(maxAbs)) return maxAbs;
  const inv = 1 / maxAbs;
  let v = new Float64Array(cols);
  for (let j = 0; j < cols; j++) v[j] = 1 + ((j * 7919) % 13) / 13;
  normalise(v);
  let next = new Float64Array(cols);
  const u = new Float64Array(rows);
  let sigma = 0;
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let j = 0; j < cols; j++) s += W[i * cols + j] * v[j];
      u[i] = s * inv;
    }
    next.fill(0);
    for (let i = 0; i < rows; i++) {
      const x = u[i];
      for (let j = 0; j < cols; j++) next[j] += W[i * cols + j] * inv * x;
    }
    let n = 0;
    for (let j = 0; j < cols; j++) n += next[j] * next[j];
    n = Math.sqrt(n);
    if (n === 0) return 0;
    sigma = Math.sqrt(n) * maxAbs;
    for (let j = 0; j < cols; j++) next[j] /= n;
    const tmp = v;
    v = next;
    next = tmp;
  }
  return sigma;
}

/**
 * A running estimate of ρ(W) for a matrix that changes a little between calls (Whh during training).
 * It keeps a vector v from call to call and measures the average growth of ‖W^m v‖ over m normalised
 * power steps: ρ ≈ (Π ‖W v_k‖)^{1/m}. Because v starts each call already close to the dominant
 * eigen-directions, m of a few dozen steps suffices; unlike a one-step Rayleigh quotient this also works
 * when the largest eigenvalues are a complex pair (v then turns within their plane while growing by ρ per step
 * on average). Costs m·n² multiply-adds per call; the first call warms up for longer.
 */
export class RunningSpectralRadius {
  private v: Float64Array;
  private w: Float64Array;
  private warm = false;

  constructor(
    /** n: matrix size. */
    readonly n: number,
    private readonly steps = 96,
    private readonly warmUp = 512,
  ) {
    this.v = new Float64Array(n);
    this.w = new Float64Array(n);
  }

  /** Forget the kept vector (the next call starts from scratch). */
  reset(): void {
    this.warm = false;
  }

  estimate(W: FloatArray, off = 0): number {
    const n = this.n;
    let v = this.v, w = this.w;
    let warmUp = 0;
    if (!this.warm) {
      // A fixed start with every component non-zero, so no eigen-direction is likely to be missing.
      for (let i = 0; i < n; i++) v[i] = 1 + ((i * 7919) % 13) / 13;
      normalise(v);
      this.warm = true;
      warmUp = this.warmUp;
    }
    let logGrowth = 0;
    const total = warmUp + this.steps;
    for (let it = 0; it < total; it++) {
      matvec(W, off, n, v, w);
      const g = normalise(w);
      if (g === 0 || !Number.isFinite(g)) {
        this.warm = false;
        return g === 0 ? 0 : NaN;
      }
      if (it >= warmUp) logGrowth += Math.log(g);
      const tmp = v;
      v = w;
      w = tmp;
    }
    this.v = v;
    this.w = w;
    return Math.exp(logGrowth / this.steps);
  }
}

function matvec(W: FloatArray, off: number, n: number, v: Float64Array, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = 0;
    const r = off + i * n;
    for (let j = 0; j < n; j++) s += W[r + j] * v[j];
    out[i] = s;
  }
}

function normalise(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  const n = Math.sqrt(s);
  if (n > 0) for (let i = 0; i < v.length; i++) v[i] /= n;
  return n;
}
