/**
 * The optimizer's passes over a model's flat parameter buffers (float32 values and gradients, float64 state),
 * one call each instead of a JavaScript loop per parameter. Same formulas and the same float64 operation order
 * as src-shared/engine/optimizer.ts, so the results are identical to the last bit.
 */

/** Σ g[i]² in float64, summed in index order. */
export function sumSquares(n: i32, g: usize): f64 {
  let s: f64 = 0;
  for (let i = 0; i < n; i++) {
    const x = <f64>load<f32>(g + (<usize>i << 2));
    s += x * x;
  }
  return s;
}

/** g[i] ← g[i]·c (clipping), rounded back to float32. */
export function scaleGrads(n: i32, g: usize, c: f64): void {
  for (let i = 0; i < n; i++) {
    const p = g + (<usize>i << 2);
    store<f32>(p, <f32>(<f64>load<f32>(p) * c));
  }
}

/** SGD with momentum μ: v ← μ·v + g;  w ← w − lr·v. */
export function sgdStep(n: i32, w: usize, g: usize, v: usize, lr: f64, mu: f64): void {
  for (let i = 0; i < n; i++) {
    const p = w + (<usize>i << 2), q = v + (<usize>i << 3);
    const vi = mu * load<f64>(q) + <f64>load<f32>(g + (<usize>i << 2));
    store<f64>(q, vi);
    store<f32>(p, <f32>(<f64>load<f32>(p) - lr * vi));
  }
}

/** Adam: m ← β1·m + (1−β1)·g;  s ← β2·s + (1−β2)·g²;  w ← w − lr·m·c1 / (√(s·c2) + ε), c1 and c2 the bias corrections. */
export function adamStep(n: i32, w: usize, g: usize, m: usize, s: usize, lr: f64, b1: f64, b2: f64, eps: f64, c1: f64, c2: f64): void {
  for (let i = 0; i < n; i++) {
    const p = w + (<usize>i << 2), o = <usize>i << 3;
    const gi = <f64>load<f32>(g + (<usize>i << 2));
    const mi = b1 * load<f64>(m + o) + (1 - b1) * gi;
    const si = b2 * load<f64>(s + o) + (1 - b2) * gi * gi;
    store<f64>(m + o, mi);
    store<f64>(s + o, si);
    store<f32>(p, <f32>(<f64>load<f32>(p) - (lr * mi * c1) / (Math.sqrt(si * c2) + eps)));
  }
}
