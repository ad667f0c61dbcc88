/**
 * GRU cell, PyTorch's convention. Gate blocks of every G·H row are stored in the order r, z, n:
 *   r_t = σ(W_r·x_t + b_r + U_r·h_{t-1})                 reset gate
 *   z_t = σ(W_z·x_t + b_z + U_z·h_{t-1})                 update gate
 *   n_t = tanh(W_n·x_t + b_n + r_t ⊙ (U_n·h_{t-1} + bhn))  candidate (the reset gate scales the recurrent part)
 *   h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t-1}               z near 1 keeps the old state: a gradient highway
 * W = Wxh (3H×I), U = Whh (3H×H), b = bh (3H); bhn (H) is the recurrent bias inside the reset product.
 * Masked rows carry h through unchanged. Runs of unmasked rows go to the kernel set's fast path when it has
 * one, else to the loops here.
 */
import { runEnd } from './cell-kernels';
import type { ChainWork } from './chain-work';

/** Forward, time t: zh holds U·h_{t-1} with bhn already added to its n block; activations replace gates. */
export function gruForwardStep(w: ChainWork, mask: Uint8Array, B: number, t: number, cur: number, prev: number): void {
  const fast = w.fast;
  for (let b = 0; b < B; ) {
    const live = mask[(t - 1) * B + b] !== 0;
    const e = live ? runEnd(mask, B, t, b) : b + 1;
    if (fast && live) fast.gruForward(w, B, t, cur, prev, b, e);
    else gruForwardRows(w, mask, B, t, cur, prev, b, e);
    b = e;
  }
}

function gruForwardRows(w: ChainWork, mask: Uint8Array, B: number, t: number, cur: number, prev: number, b0: number, b1: number): void {
  const H = w.H, GH = 3 * H;
  const gates = w.gates, hs = w.hs, hn = w.hn, zh = w.zh;
  for (let b = b0; b < b1; b++) {
    const g = (t - 1) * B * GH + b * GH;
    const sc = (cur * B + b) * H;
    const sp = (prev * B + b) * H;
    const ti = ((t - 1) * B + b) * H;
    const z = b * GH;
    if (mask[(t - 1) * B + b] === 0) {
      for (let j = 0; j < H; j++) {
        hs[sc + j] = hs[sp + j];
        hn[ti + j] = 0;
      }
      for (let j = 0; j < GH; j++) gates[g + j] = 0;
      continue;
    }
    for (let j = 0; j < H; j++) {
      const r = 1 / (1 + Math.exp(-(gates[g + j] + zh[z + j])));
      const u = 1 / (1 + Math.exp(-(gates[g + H + j] + zh[z + H + j])));
      const hr = zh[z + 2 * H + j];
      const n = Math.tanh(gates[g + 2 * H + j] + r * hr);
      gates[g + j] = r;
      gates[g + H + j] = u;
      gates[g + 2 * H + j] = n;
      hn[ti + j] = hr;
      hs[sc + j] = (1 - u) * n + u * hs[sp + j];
    }
  }
}

/**
 * Backward, time t, given dh = ∂L/∂h_t (w.dh):
 *   dn = dh ⊙ (1 − z),  dz = dh ⊙ (h_{t-1} − n),  direct ∂L/∂h_{t-1} = dh ⊙ z  → w.dhp
 *   da_n = dn ⊙ (1 − n²)              grad of the candidate's pre-activation
 *   dr = da_n ⊙ (U_n·h_{t-1} + bhn),  da_r = dr ⊙ r(1 − r),  da_z = dz ⊙ z(1 − z)
 *   input side  (w.dz):  [da_r, da_z, da_n]
 *   recurrent side (w.dzh): [da_r, da_z, da_n ⊙ r]   (its n block is also ∂L/∂bhn)
 */
export function gruBackwardStep(w: ChainWork, mask: Uint8Array, B: number, t: number, prev: number): void {
  const fast = w.fast;
  for (let b = 0; b < B; ) {
    const live = mask[(t - 1) * B + b] !== 0;
    const e = live ? runEnd(mask, B, t, b) : b + 1;
    if (fast && live) fast.gruBackward(w, B, t, prev, b, e);
    else gruBackwardRows(w, mask, B, t, prev, b, e);
    b = e;
  }
}

function gruBackwardRows(w: ChainWork, mask: Uint8Array, B: number, t: number, prev: number, b0: number, b1: number): void {
  const H = w.H, GH = 3 * H;
  const gates = w.gates, hs = w.hs, hn = w.hn, dz = w.dz, dzh = w.dzh, dh = w.dh, dhp = w.dhp;
  for (let b = b0; b < b1; b++) {
    const g = (t - 1) * B * GH + b * GH;
    const sp = (prev * B + b) * H;
    const ti = ((t - 1) * B + b) * H;
    const rr = b * H;
    if (mask[(t - 1) * B + b] === 0) {
      for (let j = 0; j < H; j++) dhp[rr + j] = dh[rr + j];
      for (let j = 0; j < GH; j++) {
        dz[g + j] = 0;
        dzh[g + j] = 0;
      }
      continue;
    }
    for (let j = 0; j < H; j++) {
      const r = gates[g + j], u = gates[g + H + j], n = gates[g + 2 * H + j];
      const d = dh[rr + j];
      const dan = d * (1 - u) * (1 - n * n);
      const dar = dan * hn[ti + j] * r * (1 - r);
      const daz = d * (hs[sp + j] - n) * u * (1 - u);
      dz[g + j] = dar;
      dz[g + H + j] = daz;
      dz[g + 2 * H + j] = dan;
      dzh[g + j] = dar;
      dzh[g + H + j] = daz;
      dzh[g + 2 * H + j] = dan * r;
      dhp[rr + j] = d * u;
    }
  }
}
