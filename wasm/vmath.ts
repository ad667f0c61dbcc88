/**
 * Four-lane exp, sigmoid and tanh for the cell kernels, accurate to a few float32 ulps over the whole float32
 * range (subnormal inputs and results included), far cheaper than Math.tanh.
 * src-shared/engine/wasm-vmath.test.ts holds them to 3 ulps of float64 (through sigmoidMap and tanhMap).
 * pmin/pmax rather than min/max: V8 makes the NaN-propagating forms slow. The polynomials' Horner steps use `mad`,
 * fused in the relaxed-SIMD build (one rounding fewer per step), so the bound holds for both builds.
 */
import { mad } from './gemm-util';
/**
 * Every constant the functions below use, one 16-byte lane-splat each, read from memory rather than written as
 * v128.const: V8 rebuilds a v128 constant with three instructions at every use inside a loop, a load is one.
 */
const TABLE = memory.data<f32>([
  88.7, 88.7, 88.7, 88.7, // 0 exp: upper clamp
  -104.0, -104.0, -104.0, -104.0, // 1 exp: lower clamp
  1.44269504088896341, 1.44269504088896341, 1.44269504088896341, 1.44269504088896341, // 2 log2(e)
  0.693359375, 0.693359375, 0.693359375, 0.693359375, // 3 ln2, high part
  -2.12194440e-4, -2.12194440e-4, -2.12194440e-4, -2.12194440e-4, // 4 ln2, low part
  1.9875691500e-4, 1.9875691500e-4, 1.9875691500e-4, 1.9875691500e-4, // 5..10 e^r polynomial (Cephes expf)
  1.3981999507e-3, 1.3981999507e-3, 1.3981999507e-3, 1.3981999507e-3,
  8.3334519073e-3, 8.3334519073e-3, 8.3334519073e-3, 8.3334519073e-3,
  4.1665795894e-2, 4.1665795894e-2, 4.1665795894e-2, 4.1665795894e-2,
  1.6666665459e-1, 1.6666665459e-1, 1.6666665459e-1, 1.6666665459e-1,
  5.0000001201e-1, 5.0000001201e-1, 5.0000001201e-1, 5.0000001201e-1,
  1.0, 1.0, 1.0, 1.0, // 11 one
  -5.70498872745e-3, -5.70498872745e-3, -5.70498872745e-3, -5.70498872745e-3, // 12..16 tanh polynomial (Cephes tanhf)
  2.06390887954e-2, 2.06390887954e-2, 2.06390887954e-2, 2.06390887954e-2,
  -5.37397155531e-2, -5.37397155531e-2, -5.37397155531e-2, -5.37397155531e-2,
  1.33314422036e-1, 1.33314422036e-1, 1.33314422036e-1, 1.33314422036e-1,
  -3.33332819422e-1, -3.33332819422e-1, -3.33332819422e-1, -3.33332819422e-1,
  0.625, 0.625, 0.625, 0.625, // 17 tanh: polynomial below this |x|
  2.0, 2.0, 2.0, 2.0, // 18 two
]);
/** Sign bit of a float32 lane, and the exponent bias, as integer lanes (19, 20). */
const INT_TABLE = memory.data<i32>([0x80000000, 0x80000000, 0x80000000, 0x80000000, 127, 127, 127, 127]);

// @ts-ignore: decorator
@inline
function K(i: i32): v128 {
  return v128.load(TABLE + (<usize>i << 4));
}

// @ts-ignore: decorator
@inline
function KI(i: i32): v128 {
  return v128.load(INT_TABLE + (<usize>i << 4));
}

/**
 * e^x for x in [−104, 88.7] (clamped outside): x = n·ln2 + r, |r| ≤ ln2/2, a degree-6 polynomial for e^r
 * (Cephes' expf coefficients), then ·2^n as two factors 2^⌊n/2⌋ · 2^(n−⌊n/2⌋), each a normal float, so results
 * below 2^−126 come out as correctly scaled subnormals instead of garbage exponent bits.
 */
// @ts-ignore: decorator
@inline
export function vexp(x: v128): v128 {
  x = f32x4.pmax(f32x4.pmin(x, K(0)), K(1));
  const n = f32x4.nearest(f32x4.mul(x, K(2)));
  let r = f32x4.sub(x, f32x4.mul(n, K(3)));
  r = f32x4.sub(r, f32x4.mul(n, K(4)));
  let p = K(5);
  p = mad(K(6), p, r);
  p = mad(K(7), p, r);
  p = mad(K(8), p, r);
  p = mad(K(9), p, r);
  p = mad(K(10), p, r);
  p = f32x4.add(f32x4.add(f32x4.mul(f32x4.mul(p, r), r), r), K(11));
  const ni = i32x4.trunc_sat_f32x4_s(n);
  const n1 = i32x4.shr_s(ni, 1);
  const n2 = i32x4.sub(ni, n1);
  const bias = KI(1);
  const s1 = i32x4.shl(i32x4.add(n1, bias), 23);
  const s2 = i32x4.shl(i32x4.add(n2, bias), 23);
  return f32x4.mul(f32x4.mul(p, s1), s2);
}

/**
 * σ(x) = 1 / (1 + e^−x) for x ≥ 0 and e^x / (1 + e^x) for x < 0: both read e = e^−|x| ∈ (0, 1], so nothing
 * overflows and σ of a very negative x keeps its relative accuracy down to the subnormals.
 */
// @ts-ignore: decorator
@inline
export function vsigmoid(x: v128): v128 {
  const one = K(11);
  const e = vexp(f32x4.neg(f32x4.abs(x)));
  const negative = f32x4.lt(x, f32x4.splat(0));
  // one division: the numerator is e for x < 0 and 1 otherwise, over the same 1 + e
  return f32x4.div(v128.bitselect(e, one, negative), f32x4.add(one, e));
}

/**
 * tanh: below |x| = 0.625 the odd polynomial x + x·z·P(z), z = x² (Cephes' tanhf), which has no cancellation and
 * returns x itself for tiny and subnormal x; above it 1 − 2 / (e^{2|x|} + 1), which saturates cleanly to 1.
 * The sign is put back last (tanh is odd).
 */
// @ts-ignore: decorator
@inline
export function vtanh(x: v128): v128 {
  const one = K(11);
  const ax = f32x4.abs(x);
  const z = f32x4.mul(ax, ax);
  let p = K(12);
  p = mad(K(13), p, z);
  p = mad(K(14), p, z);
  p = mad(K(15), p, z);
  p = mad(K(16), p, z);
  const small = f32x4.add(f32x4.mul(f32x4.mul(p, z), ax), ax);
  const e = vexp(f32x4.add(ax, ax));
  const large = f32x4.sub(one, f32x4.div(K(18), f32x4.add(e, one)));
  const y = v128.bitselect(small, large, f32x4.lt(ax, K(17)));
  // copy x's sign onto |tanh x|
  const sign = KI(0);
  return v128.or(v128.andnot(y, sign), v128.and(x, sign));
}

/** Lane 0 of the vector forms, for the tails of rows whose length is not a multiple of 4. */
// @ts-ignore: decorator
@inline
export function sigmoid1(x: f32): f32 {
  return f32x4.extract_lane(vsigmoid(f32x4.splat(x)), 0);
}

// @ts-ignore: decorator
@inline
export function tanh1(x: f32): f32 {
  return f32x4.extract_lane(vtanh(f32x4.splat(x)), 0);
}

/** y[0..n) ← σ(x[0..n)) (four lanes at a time, then one): lets the tests hold vsigmoid to its bound. */
export function sigmoidMap(n: i32, x: usize, y: usize): void {
  let i = 0;
  for (; i < (n & ~3); i += 4) v128.store(y + (<usize>i << 2), vsigmoid(v128.load(x + (<usize>i << 2))));
  for (; i < n; i++) store<f32>(y + (<usize>i << 2), sigmoid1(load<f32>(x + (<usize>i << 2))));
}

/** y[0..n) ← tanh(x[0..n)), as sigmoidMap. */
export function tanhMap(n: i32, x: usize, y: usize): void {
  let i = 0;
  for (; i < (n & ~3); i += 4) v128.store(y + (<usize>i << 2), vtanh(v128.load(x + (<usize>i << 2))));
  for (; i < n; i++) store<f32>(y + (<usize>i << 2), tanh1(load<f32>(x + (<usize>i << 2))));
}
