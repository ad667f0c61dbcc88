/**
 * The elementwise part of one time step of each cell, over a run of consecutive batch rows that are all
 * unmasked (the host handles padding rows itself). Same formulas as src-shared/engine/cell-*.ts; every row
 * is done 4 lanes at a time, with a one-lane pass for the last H mod 4 entries.
 */
import { vsigmoid, vtanh } from './vmath';

// @ts-ignore: decorator
@inline
function ld(p: usize, vec: bool): v128 {
  return vec ? v128.load(p) : f32x4.splat(load<f32>(p));
}

// @ts-ignore: decorator
@inline
function st(p: usize, v: v128, vec: bool): void {
  if (vec) v128.store(p, v);
  else store<f32>(p, f32x4.extract_lane(v, 0));
}

// @ts-ignore: decorator
@inline
function oneMinus(v: v128): v128 {
  return f32x4.sub(f32x4.splat(1.0), v);
}

/** n entries: g ← h ← tanh(g) (vanilla RNN forward; g and h may be the same run of rows). */
export function tanhForward(n: i32, g: usize, h: usize): void {
  const n4 = n & ~3;
  let i = 0;
  for (; i < n4; i += 4) {
    const o = <usize>i << 2;
    const y = vtanh(v128.load(g + o));
    v128.store(g + o, y);
    v128.store(h + o, y);
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const y = vtanh(f32x4.splat(load<f32>(g + o)));
    store<f32>(g + o, f32x4.extract_lane(y, 0));
    store<f32>(h + o, f32x4.extract_lane(y, 0));
  }
}

/** n entries: dz ← dh ⊙ (1 − h²), dhp ← 0 (vanilla RNN backward with tanh). */
export function tanhBackward(n: i32, h: usize, dh: usize, dz: usize, dhp: usize): void {
  const n4 = n & ~3;
  let i = 0;
  for (; i < n4; i += 4) {
    const o = <usize>i << 2;
    const y = v128.load(h + o);
    v128.store(dz + o, f32x4.mul(v128.load(dh + o), oneMinus(f32x4.mul(y, y))));
    v128.store(dhp + o, f32x4.splat(0));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const y = load<f32>(h + o);
    store<f32>(dz + o, load<f32>(dh + o) * (1 - y * y));
    store<f32>(dhp + o, 0);
  }
}

// @ts-ignore: decorator
@inline
function lstmFwdAt(g: usize, hb: usize, cp: usize, cc: usize, hc: usize, tc: usize, vec: bool): void {
  const i = vsigmoid(ld(g, vec)), f = vsigmoid(ld(g + hb, vec));
  const gg = vtanh(ld(g + 2 * hb, vec)), o = vsigmoid(ld(g + 3 * hb, vec));
  const c = f32x4.add(f32x4.mul(f, ld(cp, vec)), f32x4.mul(i, gg));
  const th = vtanh(c);
  st(g, i, vec); st(g + hb, f, vec); st(g + 2 * hb, gg, vec); st(g + 3 * hb, o, vec);
  st(cc, c, vec); st(tc, th, vec); st(hc, f32x4.mul(o, th), vec);
}

/** LSTM forward over `rows` rows: gates [rows][4H] (i, f, g, o); cs/hs/tc rows of H. */
export function lstmForward(rows: i32, H: i32, gates: usize, csPrev: usize, csCur: usize, hsCur: usize, tc: usize): void {
  const hb = <usize>H << 2, H4 = H & ~3;
  for (let r = 0; r < rows; r++) {
    const g = gates + <usize>r * 4 * hb, ro = <usize>r * hb;
    let j = 0;
    for (; j < H4; j += 4) {
      const o = <usize>j << 2;
      lstmFwdAt(g + o, hb, csPrev + ro + o, csCur + ro + o, hsCur + ro + o, tc + ro + o, true);
    }
    for (; j < H; j++) {
      const o = <usize>j << 2;
      lstmFwdAt(g + o, hb, csPrev + ro + o, csCur + ro + o, hsCur + ro + o, tc + ro + o, false);
    }
  }
}

// @ts-ignore: decorator
@inline
function lstmBwdAt(g: usize, hb: usize, cp: usize, tc: usize, dh: usize, dc: usize, dz: usize, dhp: usize, vec: bool): void {
  const i = ld(g, vec), f = ld(g + hb, vec), gg = ld(g + 2 * hb, vec), o = ld(g + 3 * hb, vec);
  const th = ld(tc, vec), d = ld(dh, vec);
  const dct = f32x4.add(ld(dc, vec), f32x4.mul(f32x4.mul(d, o), oneMinus(f32x4.mul(th, th))));
  st(dz, f32x4.mul(f32x4.mul(dct, gg), f32x4.mul(i, oneMinus(i))), vec);
  st(dz + hb, f32x4.mul(f32x4.mul(dct, ld(cp, vec)), f32x4.mul(f, oneMinus(f))), vec);
  st(dz + 2 * hb, f32x4.mul(f32x4.mul(dct, i), oneMinus(f32x4.mul(gg, gg))), vec);
  st(dz + 3 * hb, f32x4.mul(f32x4.mul(d, th), f32x4.mul(o, oneMinus(o))), vec);
  st(dc, f32x4.mul(dct, f), vec);
  st(dhp, f32x4.splat(0), vec);
}

/** LSTM backward over `rows` rows: dz like gates [rows][4H]; dc is turned into ∂L/∂c_{t−1} in place. */
export function lstmBackward(rows: i32, H: i32, gates: usize, csPrev: usize, tc: usize, dh: usize, dc: usize, dz: usize, dhp: usize): void {
  const hb = <usize>H << 2, H4 = H & ~3;
  for (let r = 0; r < rows; r++) {
    const g = gates + <usize>r * 4 * hb, z = dz + <usize>r * 4 * hb, ro = <usize>r * hb;
    let j = 0;
    for (; j < H4; j += 4) {
      const o = <usize>j << 2, q = ro + o;
      lstmBwdAt(g + o, hb, csPrev + q, tc + q, dh + q, dc + q, z + o, dhp + q, true);
    }
    for (; j < H; j++) {
      const o = <usize>j << 2, q = ro + o;
      lstmBwdAt(g + o, hb, csPrev + q, tc + q, dh + q, dc + q, z + o, dhp + q, false);
    }
  }
}

// @ts-ignore: decorator
@inline
function gruFwdAt(g: usize, zh: usize, hb: usize, hp: usize, hc: usize, hn: usize, vec: bool): void {
  const r = vsigmoid(f32x4.add(ld(g, vec), ld(zh, vec)));
  const u = vsigmoid(f32x4.add(ld(g + hb, vec), ld(zh + hb, vec)));
  const hr = ld(zh + 2 * hb, vec);
  const n = vtanh(f32x4.add(ld(g + 2 * hb, vec), f32x4.mul(r, hr)));
  st(g, r, vec); st(g + hb, u, vec); st(g + 2 * hb, n, vec);
  st(hn, hr, vec);
  st(hc, f32x4.add(f32x4.mul(oneMinus(u), n), f32x4.mul(u, ld(hp, vec))), vec);
}

/** GRU forward over `rows` rows: gates and zh [rows][3H] (r, z, n); hs/hn rows of H. */
export function gruForward(rows: i32, H: i32, gates: usize, zh: usize, hsPrev: usize, hsCur: usize, hn: usize): void {
  const hb = <usize>H << 2, H4 = H & ~3;
  for (let r = 0; r < rows; r++) {
    const g = gates + <usize>r * 3 * hb, z = zh + <usize>r * 3 * hb, ro = <usize>r * hb;
    let j = 0;
    for (; j < H4; j += 4) {
      const o = <usize>j << 2, q = ro + o;
      gruFwdAt(g + o, z + o, hb, hsPrev + q, hsCur + q, hn + q, true);
    }
    for (; j < H; j++) {
      const o = <usize>j << 2, q = ro + o;
      gruFwdAt(g + o, z + o, hb, hsPrev + q, hsCur + q, hn + q, false);
    }
  }
}

// @ts-ignore: decorator
@inline
function gruBwdAt(g: usize, hb: usize, hn: usize, hp: usize, dh: usize, dz: usize, dzh: usize, dhp: usize, vec: bool): void {
  const r = ld(g, vec), u = ld(g + hb, vec), n = ld(g + 2 * hb, vec);
  const d = ld(dh, vec);
  const dan = f32x4.mul(f32x4.mul(d, oneMinus(u)), oneMinus(f32x4.mul(n, n)));
  const dar = f32x4.mul(f32x4.mul(dan, ld(hn, vec)), f32x4.mul(r, oneMinus(r)));
  const daz = f32x4.mul(f32x4.mul(d, f32x4.sub(ld(hp, vec), n)), f32x4.mul(u, oneMinus(u)));
  st(dz, dar, vec); st(dz + hb, daz, vec); st(dz + 2 * hb, dan, vec);
  st(dzh, dar, vec); st(dzh + hb, daz, vec); st(dzh + 2 * hb, f32x4.mul(dan, r), vec);
  st(dhp, f32x4.mul(d, u), vec);
}

/** GRU backward over `rows` rows: dz, dzh like gates [rows][3H]. */
export function gruBackward(rows: i32, H: i32, gates: usize, hn: usize, hsPrev: usize, dh: usize, dz: usize, dzh: usize, dhp: usize): void {
  const hb = <usize>H << 2, H4 = H & ~3;
  for (let r = 0; r < rows; r++) {
    const ro3 = <usize>r * 3 * hb, ro = <usize>r * hb;
    let j = 0;
    for (; j < H4; j += 4) {
      const o = <usize>j << 2, q = ro + o;
      gruBwdAt(gates + ro3 + o, hb, hn + q, hsPrev + q, dh + q, dz + ro3 + o, dzh + ro3 + o, dhp + q, true);
    }
    for (; j < H; j++) {
      const o = <usize>j << 2, q = ro + o;
      gruBwdAt(gates + ro3 + o, hb, hn + q, hsPrev + q, dh + q, dz + ro3 + o, dzh + ro3 + o, dhp + q, false);
    }
  }
}
