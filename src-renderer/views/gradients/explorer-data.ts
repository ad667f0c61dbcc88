/**
 * The vanishing-gradient explorer's numbers, all from the engine's exact Jacobian product (jacobianChain):
 * for a random Whh rescaled to spectral radius ρ, the gain ‖∂h_T/∂h_t‖₂ that ∂L/∂h_T can have on its way
 * back to step t, the idealised ρ^(T−t), and what global-norm clipping at c leaves of it.
 */
import { jacobianChain, makeWhhWithRadius } from '../../../src-shared/engine/index';
import type { Activation } from '../../../src-shared/engine/types';

/** Hidden size of the explorer's matrix: big enough to be typical, small enough to recompute per slider move. */
export const EXPLORER_H = 16;
export const EXPLORER_SEED = 11;

export interface ExplorerInput {
  readonly rho: number;
  readonly T: number;
  readonly activation: Activation;
  /** Global-norm clipping threshold; 0 = off. */
  readonly clip: number;
}

export interface ExplorerData {
  readonly input: ExplorerInput;
  /** ‖∂h_T/∂h_t‖₂ for t = 1..T (exact product of Jacobians). */
  readonly exact: number[];
  /** ρ^(T−t). */
  readonly ideal: number[];
  /** exact × min(1, c/‖g‖), where ‖g‖ is the norm of all steps' gradients together; empty when clipping is off. */
  readonly clipped: number[];
  /** The factor clipping applied (1 = untouched). */
  readonly clipScale: number;
  /** Measured spectral radius of the matrix used. */
  readonly rho: number;
}

export function computeExplorer(input: ExplorerInput): ExplorerData {
  const Whh = makeWhhWithRadius(EXPLORER_H, input.rho, EXPLORER_SEED);
  const r = jacobianChain({ Whh, H: EXPLORER_H, activation: input.activation, T: input.T, seed: EXPLORER_SEED });
  let total = 0;
  for (const n of r.norms) total += n * n;
  total = Math.sqrt(total);
  const clipScale = input.clip > 0 && total > input.clip ? input.clip / total : 1;
  return {
    input,
    exact: r.norms,
    ideal: r.ideal,
    clipped: input.clip > 0 ? r.norms.map((n) => n * clipScale) : [],
    clipScale,
    rho: r.rho,
  };
}

/**
 * The lesson's worked example, computed by the same engine routine: a one-unit linear RNN with Whh = factor,
 * so every Jacobian is exactly `factor` and the product over T − 1 steps is factor^(T−1).
 */
export function workedExample(factor: number, T: number): number {
  return jacobianChain({ Whh: [factor], H: 1, activation: 'linear', T, seed: 0 }).norms[0];
}

/** Ratio of the gain at t = 1 to the gain at t = T: below 1 the signal fades going back, above 1 it grows. */
export function endToEndRatio(d: ExplorerData): number {
  return d.exact[0] / d.exact[d.exact.length - 1];
}

