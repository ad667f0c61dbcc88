/**
 * The vanishing-gradient explorer's numbers. Run h_{k+1} = act(Whh·h_k + x_{k+1}) from h_1 = act(x_1) with
 * seeded random inputs, then form the exact Jacobian products
 *   ∂h_T/∂h_t = J_{T−1} · J_{T−2} ⋯ J_t,   J_k = ∂h_{k+1}/∂h_k = diag(act′(z_{k+1})) · Whh
 * (tanh′ = 1 − h², relu′ = [z > 0], linear′ = 1), newest factor on the left. The full H×H product is
 * propagated from t = T down to 1 (P_T = I, P_t = P_{t+1}·J_t), so this costs T·H³ multiply-adds.
 * For each t we report its spectral norm ‖P_t‖₂ (largest singular value: the most any direction of ∂L/∂h_T
 * can be amplified on its way back to h_t) and its Frobenius norm, next to the idealised line ρ^(T−t).
 */
import { rescaleToRadius } from './init';
import { createEngineRng } from './rng';
import { spectralNormOf, spectralRadiusOf } from './spectral';
import type { Activation } from './types';

export interface JacobianChainOptions {
  /** Recurrent matrix, H×H row-major. */
  readonly Whh: ArrayLike<number>;
  /** H */
  readonly H: number;
  readonly activation: Activation;
  /** T: sequence length (≥ 1). */
  readonly T: number;
  /** Seed of the random inputs x_k ~ N(0, inputScale²). */
  readonly seed: number;
  /** Standard deviation of the inputs (default 1; 0 keeps h at 0, where tanh′ = 1). */
  readonly inputScale?: number;
}

export interface JacobianChainResult {
  /** ‖∂h_T/∂h_t‖₂ for t = 1..T (index t−1); the last entry is ‖I‖₂ = 1. */
  readonly norms: number[];
  /** ‖∂h_T/∂h_t‖_F for t = 1..T. */
  readonly frobenius: number[];
  /** ρ(Whh)^(T−t) for t = 1..T: the decay (or growth) if every factor scaled by exactly the spectral radius. */
  readonly ideal: number[];
  /** ρ(Whh), the spectral radius. */
  readonly rho: number;
  /** Mean act′ over the trajectory, per step k = 2..T (index k−2): how much the nonlinearity squashes. */
  readonly meanDerivative: number[];
}

export function jacobianChain(opts: JacobianChainOptions): JacobianChainResult {
  const { Whh, H, activation, T } = opts;
  if (!(Number.isInteger(T) && T >= 1)) throw new Error(`jacobianChain: T must be a whole number ≥ 1, got ${T}`);
  if (Whh.length !== H * H) throw new Error(`jacobianChain: Whh has ${Whh.length} entries, expected H·H = ${H * H}`);
  const scale = opts.inputScale ?? 1;
  const rng = createEngineRng(opts.seed);
  // Forward: keep act′(z_k) for k = 1..T in deriv[(k−1)·H …].
  const deriv = new Float64Array(T * H);
  let h = new Float64Array(H);
  let next = new Float64Array(H);
  for (let k = 1; k <= T; k++) {
    for (let i = 0; i < H; i++) {
      let z = scale * rng.normal();
      if (k > 1) for (let j = 0; j < H; j++) z += Whh[i * H + j] * h[j];
      let a: number, d: number;
      if (activation === 'tanh') {
        a = Math.tanh(z);
        d = 1 - a * a;
      } else if (activation === 'relu') {
        a = z > 0 ? z : 0;
        d = z > 0 ? 1 : 0;
      } else {
        a = z;
        d = 1;
      }
      next[i] = a;
      deriv[(k - 1) * H + i] = d;
    }
    const tmp = h;
    h = next;
    next = tmp;
  }
  // Backward: P_T = I; P_t = P_{t+1} · diag(act′(z_{t+1})) · Whh.
  let P = new Float64Array(H * H);
  let Q = new Float64Array(H * H);
  const S = new Float64Array(H * H);
  for (let i = 0; i < H; i++) P[i * H + i] = 1;
  const norms = new Array<number>(T);
  const frobenius = new Array<number>(T);
  const meanDerivative: number[] = [];
  norms[T - 1] = 1;
  frobenius[T - 1] = Math.sqrt(H);
  for (let t = T - 1; t >= 1; t--) {
    const d = (t + 1 - 1) * H;
    let mean = 0;
    for (let j = 0; j < H; j++) mean += deriv[d + j];
    meanDerivative.unshift(mean / H);
    // S = P · diag(d): scale column j of P by act′ of unit j.
    for (let i = 0; i < H; i++) for (let j = 0; j < H; j++) S[i * H + j] = P[i * H + j] * deriv[d + j];
    Q.fill(0);
    for (let i = 0; i < H; i++) {
      for (let k = 0; k < H; k++) {
        const s = S[i * H + k];
        if (s === 0) continue;
        for (let j = 0; j < H; j++) Q[i * H + j] += s * Whh[k * H + j];
      }
    }
    const tmp = P;
    P = Q;
    Q = tmp;
    let f = 0;
    for (let i = 0; i < H * H; i++) f += P[i] * P[i];
    frobenius[t - 1] = Math.sqrt(f);
    norms[t - 1] = spectralNormOf(P, H, H);
  }
  const rho = spectralRadiusOf(Float64Array.from(Whh), H);
  const ideal = Array.from({ length: T }, (_, i) => rho ** (T - 1 - i));
  return { norms, frobenius, ideal, rho, meanDerivative };
}

/** A random H×H matrix (Gaussian entries, seeded) rescaled so that its spectral radius is exactly rho. */
export function makeWhhWithRadius(H: number, rho: number, seed: number): Float64Array {
  const rng = createEngineRng(seed);
  const W = new Float64Array(H * H);
  for (let i = 0; i < W.length; i++) W[i] = rng.normal() / Math.sqrt(H);
  rescaleToRadius(W, H, 0, rho);
  return W;
}
