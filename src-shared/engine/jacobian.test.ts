import { describe, expect, it } from 'vitest';
import { jacobianChain, makeWhhWithRadius } from './jacobian';
import { spectralRadiusOf } from './spectral';

function scaledIdentity(H: number, c: number): Float64Array {
  const W = new Float64Array(H * H);
  for (let i = 0; i < H; i++) W[i * H + i] = c;
  return W;
}

describe('jacobianChain', () => {
  it('for a linear cell and Whh = 0.7·I, ‖∂h_100/∂h_1‖ = 0.7^99 ≈ 4.6e-16', () => {
    const r = jacobianChain({ Whh: scaledIdentity(8, 0.7), H: 8, activation: 'linear', T: 100, seed: 1 });
    expect(Math.abs(r.norms[0] / 0.7 ** 99 - 1)).toBeLessThan(1e-6);
    expect(r.norms[0]).toBeCloseTo(4.6e-16, 17);
    expect(Math.abs(r.norms[1] / 0.7 ** 98 - 1)).toBeLessThan(1e-6);
    expect(r.norms[99]).toBe(1);
    expect(Math.abs(r.ideal[0] / 0.7 ** 99 - 1)).toBeLessThan(1e-6);
  });
  it('tanh squashes further: every factor is at most ‖Whh‖, so the tanh chain decays at least as fast', () => {
    const W = makeWhhWithRadius(16, 1.0, 3);
    const lin = jacobianChain({ Whh: scaledIdentity(16, 1), H: 16, activation: 'linear', T: 30, seed: 2 });
    const tanh = jacobianChain({ Whh: scaledIdentity(16, 1), H: 16, activation: 'tanh', T: 30, seed: 2 });
    expect(lin.norms[0]).toBeCloseTo(1, 9);
    expect(tanh.norms[0]).toBeLessThan(0.5);
    expect(jacobianChain({ Whh: W, H: 16, activation: 'tanh', T: 30, seed: 2 }).meanDerivative.every((d) => d <= 1)).toBe(true);
  });
  it('with zero inputs a tanh cell stays at h = 0, where tanh′ = 1, and matches the linear cell', () => {
    const W = makeWhhWithRadius(6, 0.9, 4);
    const a = jacobianChain({ Whh: W, H: 6, activation: 'tanh', T: 20, seed: 1, inputScale: 0 });
    const b = jacobianChain({ Whh: W, H: 6, activation: 'linear', T: 20, seed: 1, inputScale: 0 });
    a.norms.forEach((x, i) => expect(x).toBeCloseTo(b.norms[i], 12));
  });
  it('is deterministic for a seed', () => {
    const W = makeWhhWithRadius(10, 1.2, 5);
    const a = jacobianChain({ Whh: W, H: 10, activation: 'tanh', T: 15, seed: 9 });
    const b = jacobianChain({ Whh: W, H: 10, activation: 'tanh', T: 15, seed: 9 });
    expect(a).toEqual(b);
  });
});

describe('makeWhhWithRadius(H, rho, seed)', () => {
  it('has spectral radius rho within 1%', () => {
    for (const rho of [0.5, 1, 1.3]) {
      const W = makeWhhWithRadius(32, rho, 11);
      expect(Math.abs(spectralRadiusOf(W, 32, 0, 16) / rho - 1)).toBeLessThan(0.01);
    }
  });
});
