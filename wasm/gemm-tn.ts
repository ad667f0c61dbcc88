/** C[M×N] += Aᵀ·B (see gemm-util.ts for the conventions). */
import { addTo, at, KBLOCK, mad, packPanels8, tile4x8 } from './gemm-util';

/**
 * Rows of C per pass over B's panels: their strips of A (MBLOCK·KBLOCK floats, 16 KB) and one panel of B (8 KB)
 * fit a 32 KB level-1 cache together, so each panel comes from level 2 once per MBLOCK rows, not once per 4.
 */
const MBLOCK: i32 = 16;

/** Bytes of scratch gemmTN needs for N columns: a packed KBLOCK×N block of B and the MBLOCK strips of A. */
export function gemmTNScratch(N: i32): i32 {
  return (KBLOCK * (N & ~7) + KBLOCK * MBLOCK) << 2;
}

/**
 * C[M×N] += Aᵀ·B with A stored K×M and B stored K×N: a sum of K outer products (the weight gradients summed
 * over every time step). K is walked in blocks of KBLOCK; each block of B is packed into 8-column panels, and
 * the rows of C in blocks of MBLOCK, whose 4-column strips of A are copied into contiguous kn×4 strips, so the
 * 4×8 micro-kernel reads both sequentially. `scratch` must hold gemmTNScratch(N) bytes.
 */
export function gemmTN(M: i32, N: i32, K: i32, a: usize, b: usize, c: usize, scratch: usize): void {
  const M4 = M & ~3, N8 = N & ~7;
  const sa = <usize>M << 2;
  const pa = scratch + (<usize>KBLOCK * <usize>N8 << 2);
  for (let k0 = 0; k0 < K; k0 += KBLOCK) {
    const kn = min(KBLOCK, K - k0);
    const ab = at(a, k0 * M), bb = at(b, k0 * N);
    packPanels8(b, N, k0, kn, scratch);
    const strip = <usize>kn << 4;
    for (let i0 = 0; i0 < M4; i0 += MBLOCK) {
      const strips = min(MBLOCK, M4 - i0) >> 2;
      // row by row, so each row's MBLOCK floats are read once (rows of a power-of-two width share cache sets)
      let s = at(ab, i0);
      for (let k = 0; k < kn; k++, s += sa) {
        const d = pa + (<usize>k << 4);
        for (let g = 0; g < strips; g++) v128.store(d + <usize>g * strip, v128.load(s + (<usize>g << 4)));
      }
      // whole 4×8 tiles: the strips and the packed panels are in tile4x8's layout
      for (let j = 0; j < N8; j += 8) {
        const panel = scratch + (<usize>j * <usize>kn << 2);
        for (let g = 0; g < strips; g++) tile4x8(kn, pa + <usize>g * strip, panel, at(c, (i0 + (g << 2)) * N + j), N, 4, 8, 0);
      }
      for (let g = 0; N8 < N && g < strips; g++) stripTail(N8, N, kn, pa + <usize>g * strip, bb, at(c, (i0 + (g << 2)) * N));
    }
    for (let i = M4; i < M; i++) rowTN(N, kn, at(ab, i), sa, bb, at(c, i * N));
  }
}

/** Columns [j0, N) of four rows of C (c0 is the first row) += strip (kn×4, packed) ᵀ · B rows (row stride N). */
function stripTail(j0: i32, N: i32, kn: i32, pa: usize, bb: usize, c0: usize): void {
  const N4 = N & ~3, sb = <usize>N << 2;
  const c1 = at(c0, N), c2 = at(c1, N), c3 = at(c2, N);
  let j = j0;
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

/** One row of C (c0) += column i of A (first element at ai, row stride sa) ᵀ · B rows (row stride N), over kn rows. */
function rowTN(N: i32, kn: i32, ai: usize, sa: usize, bb: usize, c0: usize): void {
  const N4 = N & ~3, sb = <usize>N << 2;
  let j = 0;
  for (; j < N4; j += 4) {
    let s = f32x4.splat(0);
    let ak = ai, bk = at(bb, j);
    for (let k = 0; k < kn; k++, ak += sa, bk += sb) s = mad(s, v128.load32_splat(ak), v128.load(bk));
    addTo(at(c0, j), s);
  }
  for (; j < N; j++) {
    let s: f32 = 0;
    let ak = ai, bk = at(bb, j);
    for (let k = 0; k < kn; k++, ak += sa, bk += sb) s += load<f32>(ak) * load<f32>(bk);
    store<f32>(at(c0, j), load<f32>(at(c0, j)) + s);
  }
}
