/**
 * C[M×N] += A[M×K] · B with B packed once beforehand, for the recurrent products that reuse the same weights at
 * every time step: h_{t−1}·Whhᵀ forward, dz_t·Whh backward. Packing once per pass, instead of at every step,
 * takes the copy out of the time loop; packing Whhᵀ turns the forward product into this same kernel.
 *
 * Packed layout: K is cut in blocks of KBLOCK rows; block k0 starts at float k0·Np (Np = N rounded up to 8)
 * and holds Np/8 panels, panel p being columns 8p..8p+7 of those rows as kn consecutive 8-float rows (columns
 * past N are zero). Inside a block the 4×8 micro-kernel sums over k in registers and adds the sum into C once,
 * the same order as gemmNN, so both give the same floats for whole tiles.
 */
import { at, KBLOCK, tile4x8 } from './gemm-util';

// @ts-ignore: decorator
@inline
function padded(N: i32): i32 {
  return (N + 7) & ~7;
}

/** Floats a packed right operand of N columns and depth K takes. */
export function packedFloats(N: i32, K: i32): i32 {
  return padded(N) * K;
}

/** Bytes of scratch gemmPacked needs for M rows: A in 4-row strips for one K block, and one 4×8 tile. */
export function gemmPackedScratchBytes(M: i32): i32 {
  return (((M + 3) & ~3) * KBLOCK + 32) << 2;
}

/** Pack B, stored K×N row-major, into dst (see the layout above). */
export function packB(N: i32, K: i32, b: usize, dst: usize): void {
  const Np = padded(N), N8 = N & ~7;
  for (let k0 = 0; k0 < K; k0 += KBLOCK) {
    const kn = min(KBLOCK, K - k0);
    const blk = at(dst, k0 * Np);
    for (let j = 0; j < Np; j += 8) {
      const d = at(blk, j * kn);
      for (let k = 0; k < kn; k++) {
        const s = at(b, (k0 + k) * N + j), o = d + (<usize>k << 5);
        if (j < N8) {
          v128.store(o, v128.load(s));
          v128.store(o, v128.load(s, 16), 16);
        } else {
          for (let c = 0; c < 8; c++) store<f32>(o + (<usize>c << 2), j + c < N ? load<f32>(s + (<usize>c << 2)) : 0);
        }
      }
    }
  }
}

/** Pack Wᵀ into dst, where W is stored N×K row-major (so B = Wᵀ is K×N): the forward recurrent weights. */
export function packBT(N: i32, K: i32, w: usize, dst: usize): void {
  const Np = padded(N);
  for (let k0 = 0; k0 < K; k0 += KBLOCK) {
    const kn = min(KBLOCK, K - k0);
    const blk = at(dst, k0 * Np);
    for (let j = 0; j < Np; j += 8) {
      const d = at(blk, j * kn);
      for (let c = 0; c < 8; c++) {
        const col = j + c, o = d + (<usize>c << 2);
        if (col < N) {
          const s = at(w, col * K + k0);
          for (let k = 0; k < kn; k++) store<f32>(o + (<usize>k << 5), load<f32>(s + (<usize>k << 2)));
        } else {
          for (let k = 0; k < kn; k++) store<f32>(o + (<usize>k << 5), 0);
        }
      }
    }
  }
}

/**
 * C[M×N] += A[M×K] · B, B packed by packB or packBT with the same N and K. `scratch` holds
 * gemmPackedScratchBytes(M) bytes. Rows are taken 4 at a time (a last partial group is zero-padded in the strip
 * and only its real rows are written), columns 8 at a time (the last panel writes only columns below N).
 */
export function gemmPacked(M: i32, N: i32, K: i32, a: usize, bp: usize, c: usize, scratch: usize): void {
  const Np = padded(N), groups = (M + 3) >> 2;
  const tmp = at(scratch, groups * 4 * KBLOCK);
  for (let k0 = 0; k0 < K; k0 += KBLOCK) {
    const kn = min(KBLOCK, K - k0);
    packStrips(M, K, k0, kn, a, scratch);
    const blk = at(bp, k0 * Np);
    for (let j = 0; j < Np; j += 8) {
      const panel = at(blk, j * kn), nr = min(8, N - j);
      for (let g = 0; g < groups; g++) {
        const i = g << 2;
        tile4x8(kn, at(scratch, g * 4 * kn), panel, at(c, i * N + j), N, min(4, M - i), nr, tmp);
      }
    }
  }
}

/** Rows of A, columns [k0, k0+kn), as 4-row strips: strip g holds kn groups of A[4g..4g+3][k] (missing rows 0). */
function packStrips(M: i32, K: i32, k0: i32, kn: i32, a: usize, dst: usize): void {
  const groups = (M + 3) >> 2, kn4 = kn & ~3;
  for (let g = 0; g < groups; g++) {
    const d = at(dst, g * 4 * kn), row = g << 2;
    let k = 0;
    if (row + 4 <= M) {
      // four columns of the four rows at a time: a 4×4 transpose in registers
      const r0 = at(a, row * K + k0), r1 = at(r0, K), r2 = at(r1, K), r3 = at(r2, K);
      for (; k < kn4; k += 4) {
        const o = <usize>k << 2;
        const x0 = v128.load(r0 + o), x1 = v128.load(r1 + o), x2 = v128.load(r2 + o), x3 = v128.load(r3 + o);
        const t0 = v128.shuffle<f32>(x0, x1, 0, 4, 1, 5), t1 = v128.shuffle<f32>(x2, x3, 0, 4, 1, 5);
        const t2 = v128.shuffle<f32>(x0, x1, 2, 6, 3, 7), t3 = v128.shuffle<f32>(x2, x3, 2, 6, 3, 7);
        const q = d + (<usize>k << 4);
        v128.store(q, v128.shuffle<f32>(t0, t1, 0, 1, 4, 5));
        v128.store(q, v128.shuffle<f32>(t0, t1, 2, 3, 6, 7), 16);
        v128.store(q, v128.shuffle<f32>(t2, t3, 0, 1, 4, 5), 32);
        v128.store(q, v128.shuffle<f32>(t2, t3, 2, 3, 6, 7), 48);
      }
    }
    for (let r = 0; r < 4; r++) {
      const o = d + (<usize>r << 2);
      if (row + r < M) {
        const s = at(a, (row + r) * K + k0);
        for (let j = k; j < kn; j++) store<f32>(o + (<usize>j << 4), load<f32>(s + (<usize>j << 2)));
      } else {
        for (let j = k; j < kn; j++) store<f32>(o + (<usize>j << 4), 0);
      }
    }
  }
}
