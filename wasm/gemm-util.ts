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

/**
 * One 4×8 tile over kn steps of k: strip ap (kn×4: A[0..3][k] at 16-byte steps), panel bp (kn×8, see packPanels8);
 * sums in registers, then adds mr rows × nr columns into C (row stride N). Only a partial tile (mr < 4 or nr < 8)
 * goes through tmp (32 floats), so a caller with whole tiles may pass 0.
 */
export function tile4x8(kn: i32, ap: usize, bp: usize, c: usize, N: i32, mr: i32, nr: i32, tmp: usize): void {
  let s00 = f32x4.splat(0), s01 = f32x4.splat(0), s10 = f32x4.splat(0), s11 = f32x4.splat(0);
  let s20 = f32x4.splat(0), s21 = f32x4.splat(0), s30 = f32x4.splat(0), s31 = f32x4.splat(0);
  let ak = ap, bk = bp;
  for (let k = 0; k < kn; k++, ak += 16, bk += 32) {
    const y0 = v128.load(bk), y1 = v128.load(bk, 16);
    const x0 = v128.load32_splat(ak), x1 = v128.load32_splat(ak, 4);
    const x2 = v128.load32_splat(ak, 8), x3 = v128.load32_splat(ak, 12);
    s00 = mad(s00, x0, y0); s01 = mad(s01, x0, y1);
    s10 = mad(s10, x1, y0); s11 = mad(s11, x1, y1);
    s20 = mad(s20, x2, y0); s21 = mad(s21, x2, y1);
    s30 = mad(s30, x3, y0); s31 = mad(s31, x3, y1);
  }
  const ld = <usize>N << 2;
  if (mr === 4 && nr === 8) {
    const c1 = c + ld, c2 = c1 + ld, c3 = c2 + ld;
    v128.store(c, f32x4.add(v128.load(c), s00)); v128.store(c, f32x4.add(v128.load(c, 16), s01), 16);
    v128.store(c1, f32x4.add(v128.load(c1), s10)); v128.store(c1, f32x4.add(v128.load(c1, 16), s11), 16);
    v128.store(c2, f32x4.add(v128.load(c2), s20)); v128.store(c2, f32x4.add(v128.load(c2, 16), s21), 16);
    v128.store(c3, f32x4.add(v128.load(c3), s30)); v128.store(c3, f32x4.add(v128.load(c3, 16), s31), 16);
    return;
  }
  v128.store(tmp, s00); v128.store(tmp, s01, 16); v128.store(tmp, s10, 32); v128.store(tmp, s11, 48);
  v128.store(tmp, s20, 64); v128.store(tmp, s21, 80); v128.store(tmp, s30, 96); v128.store(tmp, s31, 112);
  for (let r = 0; r < mr; r++) {
    const cr = c + <usize>r * ld, tr = tmp + (<usize>r << 5);
    for (let q = 0; q < nr; q++) {
      const o = <usize>q << 2;
      store<f32>(cr + o, load<f32>(cr + o) + load<f32>(tr + o));
    }
  }
}
