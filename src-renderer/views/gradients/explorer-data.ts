/**
 * The vanishing-gradient explorer's numbers, all from the engine's exact Jacobian product (jacobianChain):
 * for a random Whh rescaled to spectral radius ρ, the gain ‖∂h_T/∂h_t‖₂ that ∂L/∂h_T can have on its way
 * back to step t, the idealised ρ^(T−t), and what global-norm clipping at c leaves of it. The numbers come from
 * the trainer host's explore job (src-shared/jobs/explorer.ts); this file draws and exports them.
 */
import { jacobianChain } from '../../../src-shared/engine/index';
import type { ExplorerData } from '../../../src-shared/jobs/explorer';

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

