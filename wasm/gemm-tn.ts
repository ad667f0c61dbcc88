/** C[M×N] += Aᵀ·B (see gemm-util.ts for the conventions). */
import { addTo, at, KBLOCK, mad, packPanels8, tile4x8 } from './gemm-util';

/** Bytes of scratch gemmTN needs for N columns: a packed KBLOCK×N block of B and a KBLOCK×4 strip of A. */
export function gemmTNScratch(N: i32): i32 {
  return (KBLOCK * (N & ~7) + KBLOCK * 4) << 2;
}

/**
 * C[M×N] += Aᵀ·B with A stored K×M and B stored K×N: a sum of K outer products (the weight gradients summed
 * over every time step). K is walked in blocks of KBLOCK; each block of B is packed into 8-column panels and
 * each 4-column strip of A into a contiguous kn×4 strip, so the 4×8 micro-kernel reads both sequentially.
 * `scratch` must hold gemmTNScratch(N) bytes.
 */
export function gemmTN(M: i32, N: i32, K: i32, a: usize, b: usize, c: usize, scratch: usize): void {
  const M4 = M & ~3, N8 = N & ~7, N4 = N & ~3;
  const sa = <usize>M << 2, sb = <usize>N << 2;
  const pa = scratch + (<usize>KBLOCK * <usize>N8 << 2);
  for (let k0 = 0; k0 < K; k0 += KBLOCK) {
    const kn = min(KBLOCK, K - k0);
    const ab = at(a, k0 * M), bb = at(b, k0 * N);
    packPanels8(b, N, k0, kn, scratch);
    let i = 0;
    for (; i < M4; i += 4) {
      let s = at(ab, i);
      for (let k = 0; k < kn; k++, s += sa) v128.store(pa + (<usize>k << 4), v128.load(s));
      const c0 = at(c, i * N), c1 = at(c0, N), c2 = at(c1, N), c3 = at(c2, N);
      let j = 0;
      // whole 4×8 tiles: the strip and the packed panels are in tile4x8's layout
      for (; j < N8; j += 8) tile4x8(kn, pa, scratch + (<usize>j * <usize>kn << 2), at(c0, j), N, 4, 8, 0);
      for (; j < N4; j += 4) {
        let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
        let ak = pa, bk = at(bb, j);
        for (let k = 0; k < kn; k++, ak += 16, bk += sb) {
          const y = v128.load(bk);
          s0 = mad(s0, v128.load32_splat(ak), y);
          s1 = mad(s1, v128.load32_splat(ak, 4), y);
          s2 = mad(s2, v128.load32_splat(ak, 8), y);
          s3 = mad(s3, v128.load32_splat(ak, 12), y);
        }
        addTo(at(c0, j), s0); addTo(at(c1, j), s1); addTo(at(c2, j), s2); addTo(at(c3, j), s3);
      }
      for (; j < N; j++) {
        let s = f32x4.splat(0);
        let ak = pa, bk = at(bb, j);
        for (let k = 0; k < kn; k++, ak += 16, bk += sb) s = mad(s, v128.load(ak), v128.load32_splat(bk));
        store<f32>(at(c0, j), load<f32>(at(c0, j)) + f32x4.extract_lane(s, 0));
        store<f32>(at(c1, j), load<f32>(at(c1, j)) + f32x4.extract_lane(s, 1));
        store<f32>(at(c2, j), load<f32>(at(c2, j)) + f32x4.extract_lane(s, 2));
        store<f32>(at(c3, j), load<f32>(at(c3, j)) + f32x4.extract_lane(s, 3));
      }
    }
    for (; i < M; i++) {
      const c0 = at(c, i * N);
      let j = 0;
      for (; j < N4; j += 4) {
        let s = f32x4.splat(0);
        let ak = at(ab, i), bk = at(bb, j);
        for (let k = 0; k < kn; k++, ak += sa, bk += sb) s = mad(s, v128.load32_splat(ak), v128.load(bk));
        addTo(at(c0, j), s);
      }
      for (; j < N; j++) {
        let s: f32 = 0;
        let ak = at(ab, i), bk = at(bb, j);
        for (let k = 0; k < kn; k++, ak += sa, bk += sb) s += load<f32>(ak) * load<f32>(bk);
        store<f32>(at(c0, j), load<f32>(at(c0, j)) + s);
      }
    }
  }
}
