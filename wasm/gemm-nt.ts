/** C[M×N] += A·Bᵀ (see gemm-util.ts for the conventions). */
import { addTo, at, hsum, mad } from './gemm-util';

/** C[M×N] += A·Bᵀ (B stored N×K): dot products along K, 2 rows of A × 4 rows of B per tile, summed across lanes at the end. */
export function gemmNT(M: i32, N: i32, K: i32, a: usize, b: usize, c: usize): void {
  const M2 = M & ~1, N4 = N & ~3;
  let i = 0;
  for (; i < M2; i += 2) {
    const a0 = at(a, i * K), a1 = at(a0, K);
    const c0 = at(c, i * N), c1 = at(c0, N);
    let j = 0;
    for (; j < N4; j += 4) {
      const b0 = at(b, j * K), b1 = at(b0, K), b2 = at(b1, K), b3 = at(b2, K);
      ntTile2x4(K, a0, a1, b0, b1, b2, b3, at(c0, j), at(c1, j));
    }
    for (; j < N; j++) {
      const b0 = at(b, j * K);
      store<f32>(at(c0, j), load<f32>(at(c0, j)) + dot(K, a0, b0));
      store<f32>(at(c1, j), load<f32>(at(c1, j)) + dot(K, a1, b0));
    }
  }
  for (; i < M; i++) {
    const a0 = at(a, i * K), c0 = at(c, i * N);
    let j = 0;
    for (; j < N4; j += 4) {
      const b0 = at(b, j * K), b1 = at(b0, K), b2 = at(b1, K), b3 = at(b2, K);
      ntTile1x4(K, a0, b0, b1, b2, b3, at(c0, j));
    }
    for (; j < N; j++) store<f32>(at(c0, j), load<f32>(at(c0, j)) + dot(K, a0, at(b, j * K)));
  }
}

// @ts-ignore: decorator
@inline
function ntTile2x4(K: i32, a0: usize, a1: usize, b0: usize, b1: usize, b2: usize, b3: usize, c0: usize, c1: usize): void {
  const K4 = K & ~3;
  let s00 = f32x4.splat(0), s01 = f32x4.splat(0), s02 = f32x4.splat(0), s03 = f32x4.splat(0);
  let s10 = f32x4.splat(0), s11 = f32x4.splat(0), s12 = f32x4.splat(0), s13 = f32x4.splat(0);
  let k = 0;
  for (; k < K4; k += 4) {
    const o = <usize>k << 2;
    const x0 = v128.load(a0 + o), x1 = v128.load(a1 + o);
    const y0 = v128.load(b0 + o), y1 = v128.load(b1 + o), y2 = v128.load(b2 + o), y3 = v128.load(b3 + o);
    s00 = mad(s00, x0, y0); s01 = mad(s01, x0, y1);
    s02 = mad(s02, x0, y2); s03 = mad(s03, x0, y3);
    s10 = mad(s10, x1, y0); s11 = mad(s11, x1, y1);
    s12 = mad(s12, x1, y2); s13 = mad(s13, x1, y3);
  }
  let r00 = hsum(s00), r01 = hsum(s01), r02 = hsum(s02), r03 = hsum(s03);
  let r10 = hsum(s10), r11 = hsum(s11), r12 = hsum(s12), r13 = hsum(s13);
  for (; k < K; k++) {
    const o = <usize>k << 2;
    const x0 = load<f32>(a0 + o), x1 = load<f32>(a1 + o);
    const y0 = load<f32>(b0 + o), y1 = load<f32>(b1 + o), y2 = load<f32>(b2 + o), y3 = load<f32>(b3 + o);
    r00 += x0 * y0; r01 += x0 * y1; r02 += x0 * y2; r03 += x0 * y3;
    r10 += x1 * y0; r11 += x1 * y1; r12 += x1 * y2; r13 += x1 * y3;
  }
  addTo(c0, f32x4(r00, r01, r02, r03));
  addTo(c1, f32x4(r10, r11, r12, r13));
}

// @ts-ignore: decorator
@inline
function ntTile1x4(K: i32, a0: usize, b0: usize, b1: usize, b2: usize, b3: usize, c0: usize): void {
  const K8 = K & ~7;
  let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
  let s4 = f32x4.splat(0), s5 = f32x4.splat(0), s6 = f32x4.splat(0), s7 = f32x4.splat(0);
  let k = 0;
  for (; k < K8; k += 8) {
    const o = <usize>k << 2;
    const x0 = v128.load(a0 + o), x1 = v128.load(a0 + o, 16);
    s0 = mad(s0, x0, v128.load(b0 + o)); s4 = mad(s4, x1, v128.load(b0 + o, 16));
    s1 = mad(s1, x0, v128.load(b1 + o)); s5 = mad(s5, x1, v128.load(b1 + o, 16));
    s2 = mad(s2, x0, v128.load(b2 + o)); s6 = mad(s6, x1, v128.load(b2 + o, 16));
    s3 = mad(s3, x0, v128.load(b3 + o)); s7 = mad(s7, x1, v128.load(b3 + o, 16));
  }
  let r0 = hsum(f32x4.add(s0, s4)), r1 = hsum(f32x4.add(s1, s5)), r2 = hsum(f32x4.add(s2, s6)), r3 = hsum(f32x4.add(s3, s7));
  for (; k < K; k++) {
    const o = <usize>k << 2;
    const x = load<f32>(a0 + o);
    r0 += x * load<f32>(b0 + o); r1 += x * load<f32>(b1 + o); r2 += x * load<f32>(b2 + o); r3 += x * load<f32>(b3 + o);
  }
  addTo(c0, f32x4(r0, r1, r2, r3));
}

/** Σ_k a[k]·b[k] */
function dot(K: i32, a: usize, b: usize): f32 {
  const K4 = K & ~3;
  let s = f32x4.splat(0);
  let k = 0;
  for (; k < K4; k += 4) s = mad(s, v128.load(a + (<usize>k << 2)), v128.load(b + (<usize>k << 2)));
  let r = hsum(s);
  for (; k < K; k++) r += load<f32>(a + (<usize>k << 2)) * load<f32>(b + (<usize>k << 2));
  return r;
}
