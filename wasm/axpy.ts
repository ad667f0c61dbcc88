import { mad } from './gemm-util';

/** y[0..n) += alpha · x[0..n), four lanes at a time (one-hot inputs: adding one row of Wxhᵀ into the gates). */
export function axpy(n: i32, alpha: f32, x: usize, y: usize): void {
  const a = f32x4.splat(alpha);
  const n4 = n & ~3;
  let i = 0;
  for (; i < n4; i += 4) {
    const o = <usize>i << 2;
    v128.store(y + o, mad(v128.load(y + o), a, v128.load(x + o)));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(y + o, load<f32>(y + o) + alpha * load<f32>(x + o));
  }
}
