/**
 * The vanishing-gradient explorer's numbers, all from the engine's exact Jacobian product (jacobianChain):
 * for a random Whh rescaled to spectral radius ρ, the gain ‖∂h_T/∂h_t‖₂ that ∂L/∂h_T can have on its way
 * back to step t, the idealised ρ^(T−t), and what global-norm clipping at c leaves of it. The numbers come from
 * the trainer host's explore job (src-shared/jobs/explorer.ts); this file draws and exports them.
 */
import { jacobianChain } from '../../../src-shared/engine/index';
import type { ExplorerData } from '../../../src-shared/jobs/explorer';
import type { Series } from './chart-types';
import { INK } from './colour';
import { toCsv } from './csv';

/**
 * The lesson's worked example, computed by the same engine routine: a one-unit linear RNN with Whh = factor,
 * so every Jacobian is exactly `factor` and the product over T − 1 steps is factor^(T−1).
 */
export function workedExample(factor: number, T: number): number {
  return jacobianChain({ Whh: [factor], H: 1, activation: 'linear', T, seed: 0 }).norms[0];
}

export function explorerSeries(d: ExplorerData): Series[] {
  const pts = (ys: number[]) => ys.map((y, i) => ({ x: i + 1, y }));
  const out: Series[] = [
    { id: 'exact', label: 'exact product of Jacobians', colour: '#0072B2', values: pts(d.exact) },
    { id: 'ideal', label: `ideal ρ^(T−t), ρ = ${d.rho.toFixed(2)}`, colour: INK, dash: '6 4', values: pts(d.ideal) },
  ];
  if (d.clipped.length > 0) out.push({ id: 'clipped', label: `after clipping at ${d.input.clip}`, colour: '#CC79A7', dash: '2 3', values: pts(d.clipped) });
  return out;
}

export function explorerCsv(d: ExplorerData): string {
  const rows = d.exact.map((e, i) => [i + 1, e, d.ideal[i], d.clipped[i] ?? '']);
  return toCsv(['t', 'exact_jacobian_norm', 'ideal_rho_power', 'after_clipping'], rows);
}

/** Ratio of the gain at t = 1 to the gain at t = T: below 1 the signal fades going back, above 1 it grows. */
export function endToEndRatio(d: ExplorerData): number {
  return d.exact[0] / d.exact[d.exact.length - 1];
}

