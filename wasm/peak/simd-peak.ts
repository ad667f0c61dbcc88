/**
 * The arithmetic ceiling of WebAssembly SIMD on this machine, for `npm run bench` (scripts/bench/simd-peak.ts):
 * 12 independent chains a ← a·m + c over four float32 lanes, nothing loaded or stored inside the loop, so the
 * only limit is how many vector multiplies and adds (or fused multiply-adds) the core retires per cycle. Every
 * step depends on the previous one, so no compiler can merge or hoist the work. Compiled twice, like the
 * kernels: multiply then add, and (with relaxed SIMD) one fused multiply-add. 2 flops per lane and step.
 */

// @ts-ignore: decorator
@inline
function step(a: v128, m: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, m, c);
  return f32x4.add(f32x4.mul(a, m), c);
}

/** Runs n steps of the 12 chains and returns a lane of their sum (so the work is used). */
export function peak(n: i32, m0: f32, c0: f32): f32 {
  const m = f32x4.splat(m0), c = f32x4.splat(c0);
  let a0 = f32x4.splat(0.1), a1 = f32x4.splat(0.2), a2 = f32x4.splat(0.3), a3 = f32x4.splat(0.4);
  let a4 = f32x4.splat(0.5), a5 = f32x4.splat(0.6), a6 = f32x4.splat(0.7), a7 = f32x4.splat(0.8);
  let a8 = f32x4.splat(0.9), a9 = f32x4.splat(1.0), a10 = f32x4.splat(1.1), a11 = f32x4.splat(1.2);
  for (let i = 0; i < n; i++) {
    a0 = step(a0, m, c); a1 = step(a1, m, c); a2 = step(a2, m, c); a3 = step(a3, m, c);
    a4 = step(a4, m, c); a5 = step(a5, m, c); a6 = step(a6, m, c); a7 = step(a7, m, c);
    a8 = step(a8, m, c); a9 = step(a9, m, c); a10 = step(a10, m, c); a11 = step(a11, m, c);
  }
  const s = f32x4.add(f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3)), f32x4.add(f32x4.add(a4, a5), f32x4.add(a6, a7)));
  return f32x4.extract_lane(f32x4.add(s, f32x4.add(f32x4.add(a8, a9), f32x4.add(a10, a11))), 0);
}
