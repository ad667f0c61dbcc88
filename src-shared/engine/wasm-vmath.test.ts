import { describe, expect, it } from 'vitest';
import { instantiateKernels, kernelModule } from './wasm-module';
import { testedVariants } from '../testing/kernel-variants';

const VARIANTS = testedVariants();

/** Distance in float32 ulps between a float32 result and the float64 value it approximates. */
function ulps(got: number, exact: number): number {
  const f = new Float32Array(2);
  const bits = new Int32Array(f.buffer);
  f[0] = got;
  f[1] = Math.fround(exact);
  // map the sign-magnitude bit patterns onto one monotone integer line
  const line = (b: number): number => (b < 0 ? -(b & 0x7fffffff) : b);
  return Math.abs(line(bits[0]) - line(bits[1])) + Math.abs(Math.fround(exact) - exact) / ulpAt(exact);
}

function ulpAt(v: number): number {
  const a = Math.abs(Math.fround(v));
  if (a < 2 ** -126) return 2 ** -149;
  return 2 ** (Math.floor(Math.log2(a)) - 23);
}

/** Points checked by value (SPECIAL[k] is sample k), then the sweep. */
const SPECIAL = [0, -0, 2 ** -149, -(2 ** -149), 2 ** -126, 2 ** -127, 3e-8, 1e-4, -1e-4, 0.625, 0.625 - 2 ** -24, 88, -89, 89, 104, -104, 200, -200, 1e30];
const at = (ys: Float32Array, x: number): number => ys[SPECIAL.findIndex((v) => Object.is(v, x))];

/** Every float32 decade from the smallest subnormal to 100, both signs, 40 points each, plus zeros. */
function samplePoints(): Float32Array {
  const xs: number[] = [...SPECIAL];
  for (let e = -149; e <= 7; e += 0.1) {
    const v = Math.fround(2 ** e * (1 + 0.37 * Math.sin(e * 13)));
    xs.push(v, -v);
  }
  for (let i = 0; i < 4000; i++) {
    const v = Math.fround(-20 + 40 * ((i * 0.6180339887) % 1));
    xs.push(v);
  }
  return Float32Array.from(xs);
}

const sigmoid = (x: number): number => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

describe.each(VARIANTS)('the wasm cells\' sigmoid and tanh (float32) against float64, %s build', (variant) => {
  const module = kernelModule(variant);
  const inst = module && instantiateKernels(module);
  it('load', () => expect(inst).not.toBeNull());
  if (!inst) return;
  const xs = samplePoints();
  const n = xs.length;
  const base = Math.ceil(inst.exports.heapBase() / 64) * 64;
  inst.memory.grow(Math.ceil((8 * n + base) / 65536));
  const mem = new Float32Array(inst.memory.buffer);
  const xAt = base, yAt = base + 4 * n;
  const run = (fn: 'tanhMap' | 'sigmoidMap'): Float32Array => {
    mem.set(xs, xAt / 4);
    inst.exports[fn](n, xAt, yAt);
    return mem.slice(yAt / 4, yAt / 4 + n);
  };
  const worst = (ys: Float32Array, f: (x: number) => number): { ulps: number; x: number } => {
    let w = { ulps: 0, x: 0 };
    for (let i = 0; i < n; i++) {
      const u = ulps(ys[i], f(xs[i]));
      if (!(u <= w.ulps)) w = { ulps: u, x: xs[i] };
    }
    return w;
  };

  it('tanh is within 3 ulps everywhere, tiny and subnormal x included (tanh x = x there)', () => {
    const ys = run('tanhMap');
    expect(worst(ys, Math.tanh).ulps).toBeLessThanOrEqual(3);
    // the cancellation the old 1 − 2/(e^{2x}+1) had: tanh(1e−4) was off by 1.7e−4 relative, tanh(3e−8) was 0
    expect(Math.abs(at(ys, 1e-4) - Math.tanh(Math.fround(1e-4))) / 1e-4).toBeLessThan(1e-7);
    expect(at(ys, -1e-4)).toBe(-at(ys, 1e-4));
    expect(at(ys, 3e-8)).toBe(Math.fround(3e-8));
    expect(at(ys, 2 ** -149)).toBe(2 ** -149);
    expect(Object.is(at(ys, -0), -0)).toBe(true);
    expect(at(ys, 200)).toBe(1);
    expect(at(ys, -200)).toBe(-1);
  });

  it('sigmoid is within 3 ulps everywhere, down to the subnormal results of very negative x', () => {
    const ys = run('sigmoidMap');
    expect(worst(ys, sigmoid).ulps).toBeLessThanOrEqual(3);
    expect(at(ys, -89)).toBeGreaterThan(0); // σ(−89) ≈ 2.2e−39, a subnormal
    expect(ulps(at(ys, -104), sigmoid(-104))).toBeLessThanOrEqual(1);
    expect(at(ys, -200)).toBe(0);
    expect(at(ys, 200)).toBe(1);
    expect(at(ys, 0)).toBe(0.5);
  });
});
