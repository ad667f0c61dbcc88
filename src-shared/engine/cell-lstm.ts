/**
 * LSTM cell. The four gate blocks of every G·H row are stored in the order i, f, g, o:
 *   i_t = σ(W_i·[x_t; h_{t-1}] + b_i)      input gate
 *   f_t = σ(W_f·[x_t; h_{t-1}] + b_f)      forget gate (b_f starts at 1)
 *   g_t = tanh(W_g·[x_t; h_{t-1}] + b_g)   candidate
 *   o_t = σ(W_o·[x_t; h_{t-1}] + b_o)      output gate
 *   c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t        additive memory: the path the gradient can travel unsquashed
 *   h_t = o_t ⊙ tanh(c_t)
 * Masked rows carry (h, c) through unchanged. Runs of unmasked rows go to the kernel set's fast path when it
 * has one, else to the loops here.
 */
import { runEnd } from './cell-kernels';
import type { ChainWork } from './chain-work';

/** Forward, time t: gates hold the full pre-activations (input and recurrent parts); activations replace them. */
export function lstmForwardStep(w: ChainWork, mask: Uint8Array, B: number, t: number, cur: number, prev: number): void {
  const fast = w.fast;
  for (let b = 0; b < B; ) {
    const live = mask[(t - 1) * B + b] !== 0;
    const e = live ? runEnd(mask, B, t, b) : b + 1;
    if (fast && live) fast.lstmForward(w, B, t, cur, prev, b, e);
    else lstmForwardRows(w, mask, B, t, cur, prev, b, e);
    b = e;
  }
}

function lstmForwardRows(w: ChainWork, mask: Uint8Array, B: number, t: number, cur: number, prev: number, b0: number, b1: number): void {
  const H = w.H, GH = 4 * H;
  const gates = w.gates, hs = w.hs, cs = w.cs, tc = w.tc;
  for (let b = b0; b < b1; b++) {
    const g = (t - 1) * B * GH + b * GH;
    const sc = (cur * B + b) * H;
    const sp = (prev * B + b) * H;
    const ti = ((t - 1) * B + b) * H;
    if (mask[(t - 1) * B + b] === 0) {
      for (let j = 0; j < H; j++) {
        hs[sc + j] = hs[sp + j];
        cs[sc + j] = cs[sp + j];
        tc[ti + j] = 0;
      }
      for (let j = 0; j < GH; j++) gates[g + j] = 0;
      continue;
    }
    for (let j = 0; j < H; j++) {
      const i = 1 / (1 + Math.exp(-(gates[g + j])));
      const f = 1 / (1 + Math.exp(-(gates[g + H + j])));
      const gg = Math.tanh(gates[g + 2 * H + j]);
      const o = 1 / (1 + Math.exp(-(gates[g + 3 * H + j])));
      const c = f * cs[sp + j] + i * gg;
      const th = Math.tanh(c);
      gates[g + j] = i;
      gates[g + H + j] = f;
      gates[g + 2 * H + j] = gg;
      gates[g + 3 * H + j] = o;
      cs[sc + j] = c;
      tc[ti + j] = th;
      hs[sc + j] = o * th;
    }
  }
}

/**
 * Backward, time t, given dh = ∂L/∂h_t (w.dh) and dc = ∂L/∂c_t arriving from t+1 (w.dc):
 *   dc_t  = dc + dh ⊙ o ⊙ (1 − tanh²c_t)
 *   do = dh ⊙ tanh c_t,  di = dc_t ⊙ g,  dg = dc_t ⊙ i,  df = dc_t ⊙ c_{t-1}
 *   pre-activation grads: σ′ = s(1 − s), tanh′ = 1 − g²  → w.dz row t
 *   ∂L/∂c_{t-1} = dc_t ⊙ f  → w.dc (in place);  direct part of ∂L/∂h_{t-1} = 0 → w.dhp
 */
export function lstmBackwardStep(w: ChainWork, mask: Uint8Array, B: number, t: number, prev: number): void {
  const fast = w.fast;
  for (let b = 0; b < B; ) {
    const live = mask[(t - 1) * B + b] !== 0;
    const e = live ? runEnd(mask, B, t, b) : b + 1;
    if (fast && live) fast.lstmBackward(w, B, t, prev, b, e);
    else lstmBackwardRows(w, mask, B, t, prev, b, e);
    b = e;
  }
}

function lstmBackwardRows(w: ChainWork, mask: Uint8Array, B: number, t: number, prev: number, b0: number, b1: number): void {
  const H = w.H, GH = 4 * H;
  const gates = w.gates, cs = w.cs, tc = w.tc, dz = w.dz, dh = w.dh, dhp = w.dhp, dc = w.dc;
  for (let b = b0; b < b1; b++) {
    const g = (t - 1) * B * GH + b * GH;
    const sp = (prev * B + b) * H;
    const ti = ((t - 1) * B + b) * H;
    const r = b * H;
    if (mask[(t - 1) * B + b] === 0) {
      for (let j = 0; j < H; j++) dhp[r + j] = dh[r + j];
      for (let j = 0; j < GH; j++) dz[g + j] = 0;
      continue;
    }
    for (let j = 0; j < H; j++) {
      const i = gates[g + j], f = gates[g + H + j], gg = gates[g + 2 * H + j], o = gates[g + 3 * H + j];
      const th = tc[ti + j];
      const d = dh[r + j];
      const dct = dc[r + j] + d * o * (1 - th * th);
      dz[g + j] = dct * gg * i * (1 - i);
      dz[g + H + j] = dct * cs[sp + j] * f * (1 - f);
      dz[g + 2 * H + j] = dct * i * (1 - gg * gg);
      dz[g + 3 * H + j] = d * th * o * (1 - o);
      dc[r + j] = dct * f;
      dhp[r + j] = 0;
    }
  }
}
