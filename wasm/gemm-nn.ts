/** C[M×N] += A[M×K] · B[K×N] (see gemm-util.ts for the conventions). */
import { addTo, at, KBLOCK, packPanels8, mad } from './gemm-util';

/** Bytes of scratch gemmNN needs for N columns: one packed KBLOCK×N block of B. */
export function gemmNNScratch(N: i32): i32 {
  return (KBLOCK * (N & ~7)) << 2;
}

/**
 * C[M×N] += A[M×K] · B[K×N]: 4 rows × 8 columns per tile. K is walked in blocks of KBLOCK and each block of B
 * is packed into 8-column panels first (see packPanels8), unless there are fewer than 4 rows: then every entry
 * of B is used once anyway and single rows go straight through nnRow. `scratch` holds gemmNNScratch(N) bytes.
 */
export function gemmNN(M: i32, N: i32, K: i32, a: usize, b: usize, c: usize, scratch: usize): void {
  const M4 = M & ~3;
  for (let k0 = 0; M4 > 0 && k0 < K; k0 += KBLOCK) {
    const kn = min(KBLOCK, K - k0);
    packPanels8(b, N, k0, kn, scratch);
    nnBlock(M4, N, K, kn, at(a, k0), at(b, k0 * N), c, scratch);
  }
  for (let i = M4; i < M; i++) nnRow(N, K, at(a, i * K), b, at(c, i * N));
}

/** Rows [0, M4) of C += A[:, block] · B[block, :] for one K block of kn rows; bp holds B's packed panels. */
function nnBlock(M4: i32, N: i32, K: i32, kn: i32, a: usize, b: usize, c: usize, bp: usize): void {
  const N8 = N & ~7, N4 = N & ~3;
  for (let i = 0; i < M4; i += 4) {
    const a0 = at(a, i * K), a1 = at(a0, K), a2 = at(a1, K), a3 = at(a2, K);
    const c0 = at(c, i * N), c1 = at(c0, N), c2 = at(c1, N), c3 = at(c2, N);
    let j = 0;
    for (; j < N8; j += 8) {
      let s00 = f32x4.splat(0), s01 = f32x4.splat(0), s10 = f32x4.splat(0), s11 = f32x4.splat(0);
      let s20 = f32x4.splat(0), s21 = f32x4.splat(0), s30 = f32x4.splat(0), s31 = f32x4.splat(0);
      let bk = bp + (<usize>j * <usize>kn << 2);
      for (let k = 0; k < kn; k++, bk += 32) {
        const y0 = v128.load(bk), y1 = v128.load(bk, 16);
        const ko = <usize>k << 2;
        const x0 = v128.load32_splat(a0 + ko), x1 = v128.load32_splat(a1 + ko);
        const x2 = v128.load32_splat(a2 + ko), x3 = v128.load32_splat(a3 + ko);
        s00 = mad(s00, x0, y0); s01 = mad(s01, x0, y1);
        s10 = mad(s10, x1, y0); s11 = mad(s11, x1, y1);
        s20 = mad(s20, x2, y0); s21 = mad(s21, x2, y1);
        s30 = mad(s30, x3, y0); s31 = mad(s31, x3, y1);
      }
      addTo(at(c0, j), s00); addTo(at(c0, j + 4), s01);
      addTo(at(c1, j), s10); addTo(at(c1, j + 4), s11);
      addTo(at(c2, j), s20); addTo(at(c2, j + 4), s21);
      addTo(at(c3, j), s30); addTo(at(c3, j + 4), s31);
    }
    for (; j < N4; j += 4) {
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      let bk = at(b, j);
      for (let k = 0; k < kn; k++, bk += <usize>N << 2) {
        const y = v128.load(bk);
        const ko = <usize>k << 2;
        s0 = mad(s0, v128.load32_splat(a0 + ko), y);
        s1 = mad(s1, v128.load32_splat(a1 + ko), y);
        s2 = mad(s2, v128.load32_splat(a2 + ko), y);
        s3 = mad(s3, v128.load32_splat(a3 + ko), y);
      }
      addTo(at(c0, j), s0); addTo(at(c1, j), s1); addTo(at(c2, j), s2); addTo(at(c3, j), s3);
    }
    for (; j < N; j++) {
      let s0: f32 = 0, s1: f32 = 0, s2: f32 = 0, s3: f32 = 0;
      let bk = at(b, j);
      for (let k = 0; k < kn; k++, bk += <usize>N << 2) {
        const y = load<f32>(bk);
        const ko = <usize>k << 2;
        s0 += load<f32>(a0 + ko) * y; s1 += load<f32>(a1 + ko) * y;
        s2 += load<f32>(a2 + ko) * y; s3 += load<f32>(a3 + ko) * y;
      }
      store<f32>(at(c0, j), load<f32>(at(c0, j)) + s0); store<f32>(at(c1, j), load<f32>(at(c1, j)) + s1);
      store<f32>(at(c2, j), load<f32>(at(c2, j)) + s2); store<f32>(at(c3, j), load<f32>(at(c3, j)) + s3);
    }
  }
}

/** One row of gemmNN: 32 columns per tile (8 accumulators), then 4, then single columns. */
function nnRow(N: i32, K: i32, a0: usize, b: usize, c0: usize): void {
  const N32 = N & ~31, N4 = N & ~3;
  let j = 0;
  for (; j < N32; j += 32) {
    let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
    let s4 = f32x4.splat(0), s5 = f32x4.splat(0), s6 = f32x4.splat(0), s7 = f32x4.splat(0);
    let bk = at(b, j);
    for (let k = 0; k < K; k++, bk += <usize>N << 2) {
      const x = f32x4.splat(load<f32>(a0 + (<usize>k << 2)));
      s0 = mad(s0, x, v128.load(bk)); s1 = mad(s1, x, v128.load(bk, 16));
      s2 = mad(s2, x, v128.load(bk, 32)); s3 = mad(s3, x, v128.load(bk, 48));
      s4 = mad(s4, x, v128.load(bk, 64)); s5 = mad(s5, x, v128.load(bk, 80));
      s6 = mad(s6, x, v128.load(bk, 96)); s7 = mad(s7, x, v128.load(bk, 112));
    }
    const cj = at(c0, j);
    addTo(cj, s0); addTo(cj + 16, s1); addTo(cj + 32, s2); addTo(cj + 48, s3);
    addTo(cj + 64, s4); addTo(cj + 80, s5); addTo(cj + 96, s6); addTo(cj + 112, s7);
  }
  for (; j < N4; j += 4) {
    let s = f32x4.splat(0);
    let bk = at(b, j);
    for (let k = 0; k < K; k++, bk += <usize>N << 2) s = mad(s, f32x4.splat(load<f32>(a0 + (<usize>k << 2))), v128.load(bk));
    addTo(at(c0, j), s);
  }
  for (; j < N; j++) {
    let s: f32 = 0;
    let bk = at(b, j);
    for (let k = 0; k < K; k++, bk += <usize>N << 2) s += load<f32>(a0 + (<usize>k << 2)) * load<f32>(bk);
    store<f32>(at(c0, j), load<f32>(at(c0, j)) + s);
  }
}

