/**
 * Initial parameter values, all drawn from one seeded stream in declaration order:
 * - every weight matrix: Glorot/Xavier uniform, U(−a, a) with a = √(6 / (fan_in + fan_out)), applied per
 *   gate block (each H-row block of an LSTM/GRU matrix is its own fan_out = H);
 * - biases 0, except the LSTM forget-gate bias b_f = 1 (the cell starts out remembering);
 * - 'spectral': afterwards every H×H gate block of each Whh is rescaled so its spectral radius is exactly
 *   config.init.spectralRadius (measured with spectralRadiusOf, so the target is met to well under 1%).
 */
import type { ParamTensor } from './api';
import { createEngineRng } from './rng';
import { spectralRadiusOf } from './spectral';
import type { CellKind, FloatArray, ModelConfig } from './types';

function gateRows(name: string, cell: CellKind, rows: number): number {
  if (name.startsWith('head.')) return rows;
  return cell === 'lstm' ? rows / 4 : cell === 'gru' ? rows / 3 : rows;
}

/** Rescale the n×n block at W[off …] so that its spectral radius becomes rho (no-op for a zero block). */
export function rescaleToRadius(W: FloatArray, n: number, off: number, rho: number): void {
  const current = spectralRadiusOf(W, n, off);
  if (!(current > 0)) return;
  const c = rho / current;
  for (let i = 0; i < n * n; i++) W[off + i] *= c;
}

export function initParams(params: readonly ParamTensor[], config: ModelConfig): void {
  const rng = createEngineRng(config.seed);
  for (const p of params) {
    const v = p.value;
    if (p.shape.length === 1) {
      v.fill(0);
      if (config.cell === 'lstm' && p.name.endsWith('.bh')) {
        const H = p.shape[0] / 4;
        for (let j = H; j < 2 * H; j++) v[j] = 1;
      }
      continue;
    }
    const [rows, cols] = p.shape;
    const blockRows = gateRows(p.name, config.cell, rows);
    const a = Math.sqrt(6 / (cols + blockRows));
    for (let i = 0; i < v.length; i++) v[i] = rng.uniformIn(-a, a);
    if (config.init.kind === 'spectral' && p.name.endsWith('.Whh')) {
      const H = cols;
      for (let g = 0; g < rows / H; g++) rescaleToRadius(v, H, g * H * H, config.init.spectralRadius);
    }
  }
}
