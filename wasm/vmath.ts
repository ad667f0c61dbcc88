/**
 * Four-lane exp, sigmoid and tanh for the cell kernels, accurate to a few float32 ulps over the whole float32
 * range (subnormal inputs and results included), far cheaper than Math.tanh.
 * src-shared/engine/wasm-vmath.test.ts holds them to 3 ulps of float64 (through sigmoidMap and tanhMap).
 * pmin/pmax rather than min/max: V8 makes the NaN-propagating forms slow.
 */
const LOG2E: f32 = 1.44269504088896341;
const LN2_HI: f32 = 0.693359375;
const LN2_LO: f32 = -2.12194440e-4;
/** Sign bit of a float32 lane. */
const SIGN: i32 = 0x80000000;

/**
 * e^x for x in [−104, 88.7] (clamped outside): x = n·ln2 + r, |r| ≤ ln2/2, a degree-6 polynomial for e^r
 * (Cephes' expf coefficients), then ·2^n as two factors 2^⌊n/2⌋ · 2^(n−⌊n/2⌋), each a normal float, so results
 * below 2^−126 come out as correctly scaled subnormals instead of garbage exponent bits.
 */
// @ts-ignore: decorator
@inline
export function vexp(x: v128): v128 {
  x = f32x4.pmax(f32x4.pmin(x, f32x4.splat(88.7)), f32x4.splat(-104.0));
  const n = f32x4.nearest(f32x4.mul(x, f32x4.splat(LOG2E)));
  let r = f32x4.sub(x, f32x4.mul(n, f32x4.splat(LN2_HI)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(LN2_LO)));
  let p = f32x4.splat(1.9875691500e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  p = f32x4.add(f32x4.add(f32x4.mul(f32x4.mul(p, r), r), r), f32x4.splat(1.0));
  const ni = i32x4.trunc_sat_f32x4_s(n);
  const n1 = i32x4.shr_s(ni, 1);
  const n2 = i32x4.sub(ni, n1);
  const bias = i32x4.splat(127);
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
  const one = f32x4.splat(1.0);
  const e = vexp(f32x4.neg(f32x4.abs(x)));
  const d = f32x4.add(one, e);
  const negative = f32x4.lt(x, f32x4.splat(0));
  return v128.bitselect(f32x4.div(e, d), f32x4.div(one, d), negative);
}

/**
 * tanh: below |x| = 0.625 the odd polynomial x + x·z·P(z), z = x² (Cephes' tanhf), which has no cancellation and
 * returns x itself for tiny and subnormal x; above it 1 − 2 / (e^{2|x|} + 1), which saturates cleanly to 1.
 * The sign is put back last (tanh is odd).
 */
// @ts-ignore: decorator
@inline
export function vtanh(x: v128): v128 {
  const one = f32x4.splat(1.0);
  const ax = f32x4.abs(x);
  const z = f32x4.mul(ax, ax);
  let p = f32x4.splat(-5.70498872745e-3);
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(2.06390887954e-2));
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(-5.37397155531e-2));
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(1.33314422036e-1));
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(-3.33332819422e-1));
  const small = f32x4.add(f32x4.mul(f32x4.mul(p, z), ax), ax);
  const e = vexp(f32x4.add(ax, ax));
  const large = f32x4.sub(one, f32x4.div(f32x4.splat(2.0), f32x4.add(e, one)));
  const y = v128.bitselect(small, large, f32x4.lt(ax, f32x4.splat(0.625)));
  // copy x's sign onto |tanh x|
  const sign = i32x4.splat(SIGN);
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
