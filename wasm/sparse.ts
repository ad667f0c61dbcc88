/**
 * One-hot (few-hot) inputs as row gathers and scatters, one call for a whole sequence instead of one axpy per
 * row: a token x_t picks a row of Wxhᵀ, so Wxh·x_t is a sum of rows and ∂L/∂Wxhᵀ gets dz_t added to those rows.
 * idx and val hold S (index, value) pairs per row; an index below 0 is an unused slot. Rows have n floats.
 * The arithmetic is axpy's (y + α·x in float32, α rounded to float32), in the same order as one axpy per pair.
 */

// @ts-ignore: decorator
@inline
function addScaled(n: i32, alpha: f32, x: usize, y: usize): void {
  const a = f32x4.splat(alpha);
  const n4 = n & ~3;
  let i = 0;
  for (; i < n4; i += 4) {
    const o = <usize>i << 2;
    v128.store(y + o, f32x4.add(v128.load(y + o), f32x4.mul(a, v128.load(x + o))));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(y + o, load<f32>(y + o) + alpha * load<f32>(x + o));
  }
}

/** dst row r += Σ_s val[r·S+s] · src row idx[r·S+s], for r < rows. */
export function gatherAdd(rows: i32, S: i32, n: i32, idx: usize, val: usize, src: usize, dst: usize): void {
  const rb = <usize>n << 2;
  for (let r = 0; r < rows; r++) {
    for (let s = 0; s < S; s++) {
      const q = <usize>(r * S + s) << 2;
      const col = load<i32>(idx + q);
      if (col >= 0) addScaled(n, load<f32>(val + q), src + <usize>col * rb, dst + <usize>r * rb);
    }
  }
}

/** dst row idx[r·S+s] += val[r·S+s] · src row r, for r < rows in order. */
export function scatterAdd(rows: i32, S: i32, n: i32, idx: usize, val: usize, src: usize, dst: usize): void {
  const rb = <usize>n << 2;
  for (let r = 0; r < rows; r++) {
    for (let s = 0; s < S; s++) {
      const q = <usize>(r * S + s) << 2;
      const col = load<i32>(idx + q);
      if (col >= 0) addScaled(n, load<f32>(val + q), src + <usize>r * rb, dst + <usize>col * rb);
    }
  }
}
