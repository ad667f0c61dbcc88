/**
 * Helpers shared by the three accumulating matrix products (gemm-nn.ts, gemm-tn.ts, gemm-nt.ts). Those use
 * f32x4 register tiles of 8 vector accumulators (V8 gives wasm 16 vector registers; bigger tiles spill).
 * Sizes are in floats, pointers in bytes.
 */

/** Depth of one pass of gemmTN over K, so its A and B panels stay in cache while every C tile is updated. */
export const KBLOCK: i32 = 256;

// @ts-ignore: decorator
@inline
export function at(p: usize, i: i32): usize {
  return p + (<usize>i << 2);
}

// @ts-ignore: decorator
@inline
export function addTo(p: usize, v: v128): void {
  v128.store(p, f32x4.add(v128.load(p), v));
}

/**
 * s + x·y, lane by lane: one fused multiply-add in the relaxed-SIMD build (scripts/build-wasm.mjs builds the
 * module twice, and the engine loads that one where the runtime accepts it), a multiply then an add otherwise.
 * Fused, the product is not rounded before the add, so the two builds differ in the last bits, never more.
 */
// @ts-ignore: decorator
@inline
export function mad(s: v128, x: v128, y: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(x, y, s);
  return f32x4.add(s, f32x4.mul(x, y));
}

// @ts-ignore: decorator
@inline
export function hsum(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3);
}

/**
 * Copy rows [k0, k0+kn) of a row-major matrix with N columns into panels of 8 columns: panel p holds
 * columns 8p..8p+7 of those rows as kn consecutive 8-float rows. A micro-kernel then reads its 8 columns
 * sequentially, instead of at a stride of N floats that (for N a power of two) keeps hitting the same cache sets.
 */
export function packPanels8(b: usize, N: i32, k0: i32, kn: i32, dst: usize): void {
  const N8 = N & ~7;
  for (let j = 0; j < N8; j += 8) {
    const d = dst + (<usize>j * <usize>kn << 2);
    let s = at(b, k0 * N + j);
    for (let k = 0; k < kn; k++, s += <usize>N << 2) {
      v128.store(d + (<usize>k << 5), v128.load(s));
      v128.store(d + (<usize>k << 5), v128.load(s, 16), 16);
    }
  }
}
