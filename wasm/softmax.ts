/**
 * Softmax cross-entropy over rows of logits, four classes at a time: for each row with a target (target ≥ 0),
 *   dy = scale · (softmax(y) − onehot(target)),  loss += log Σ exp(y − m) + m − y_target  (m = max y),
 * and a count of rows whose first largest logit is the target. The exponentials are vmath's float32 vexp (a few
 * ulps); the loss is summed in float64. Rows without a target are left untouched. Returns the loss sum and
 * writes the count at `correct`.
 */
import { vexp } from './vmath';

export function softmaxRows(rows: i32, O: i32, y: usize, targets: usize, dy: usize, scale: f32, correct: usize): f64 {
  let loss: f64 = 0;
  let right: i32 = 0;
  const O4 = O & ~3, rb = <usize>O << 2;
  for (let r = 0; r < rows; r++) {
    const target = load<i32>(targets + (<usize>r << 2));
    if (target < 0) continue;
    const yr = y + <usize>r * rb, dr = dy + <usize>r * rb;
    let m = load<f32>(yr), best = 0;
    for (let o = 1; o < O; o++) {
      const v = load<f32>(yr + (<usize>o << 2));
      if (v > m) {
        m = v;
        best = o;
      }
    }
    const mv = f32x4.splat(m);
    let acc = f32x4.splat(0);
    let o = 0;
    for (; o < O4; o += 4) {
      const e = vexp(f32x4.sub(v128.load(yr + (<usize>o << 2)), mv));
      v128.store(dr + (<usize>o << 2), e);
      acc = f32x4.add(acc, e);
    }
    let sum: f64 = <f64>f32x4.extract_lane(acc, 0) + <f64>f32x4.extract_lane(acc, 1) + <f64>f32x4.extract_lane(acc, 2) + <f64>f32x4.extract_lane(acc, 3);
    for (; o < O; o++) {
      const e = f32x4.extract_lane(vexp(f32x4.splat(load<f32>(yr + (<usize>o << 2)) - m)), 0);
      store<f32>(dr + (<usize>o << 2), e);
      sum += <f64>e;
    }
    loss += Math.log(sum) + <f64>m - <f64>load<f32>(yr + (<usize>target << 2));
    if (best === target) right++;
    const inv = f32x4.splat(<f32>(<f64>scale / sum));
    for (o = 0; o < O4; o += 4) v128.store(dr + (<usize>o << 2), f32x4.mul(v128.load(dr + (<usize>o << 2)), inv));
    for (; o < O; o++) store<f32>(dr + (<usize>o << 2), load<f32>(dr + (<usize>o << 2)) * f32x4.extract_lane(inv, 0));
    const dt = dr + (<usize>target << 2);
    store<f32>(dt, load<f32>(dt) - scale);
  }
  store<i32>(correct, right);
  return loss;
}
