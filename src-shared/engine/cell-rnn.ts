/**
 * Vanilla RNN cell:  h_t = act(z_t),  z_t = Wxh·x_t + Whh·h_{t-1} + bh,  act ∈ {tanh, relu, linear}.
 * The chain has already put z_t = Wxh·x_t + bh + Whh·h_{t-1} into `gates`; these functions do the
 * elementwise part of one time step for a whole batch. A masked (padding) row copies h_{t-1} through.
 * Runs of unmasked rows go to the kernel set's fast path when it has one (tanh only), else to the loops here.
 */
import { runEnd } from './cell-kernels';
import type { ChainWork } from './chain-work';

function actCode(w: ChainWork): number {
  return w.activation === 'tanh' ? 0 : w.activation === 'relu' ? 1 : 2;
}

/** Forward, time t: hs[cur] = act(z_t); the activation replaces z_t in gates. */
export function rnnForwardStep(w: ChainWork, mask: Uint8Array, B: number, t: number, cur: number, prev: number): void {
  const act = actCode(w);
  const fast = act === 0 ? w.fast : null;
  for (let b = 0; b < B; ) {
    if (mask[(t - 1) * B + b] === 0) {
      forwardMasked(w, B, t, cur, prev, b);
      b++;
      continue;
    }
    const e = runEnd(mask, B, t, b);
    if (fast) fast.rnnTanhForward(w, B, t, cur, b, e);
    else for (let r = b; r < e; r++) forwardRow(w, B, t, cur, r, act);
    b = e;
  }
}

function forwardMasked(w: ChainWork, B: number, t: number, cur: number, prev: number, b: number): void {
  const H = w.H, gates = w.gates, hs = w.hs;
  const g = ((t - 1) * B + b) * H, hc = (cur * B + b) * H, hp = (prev * B + b) * H;
  for (let j = 0; j < H; j++) {
    hs[hc + j] = hs[hp + j];
    gates[g + j] = 0;
  }
}

function forwardRow(w: ChainWork, B: number, t: number, cur: number, b: number, act: number): void {
  const H = w.H, gates = w.gates, hs = w.hs;
  const g = ((t - 1) * B + b) * H, hc = (cur * B + b) * H;
  if (act === 0) {
    for (let j = 0; j < H; j++) {
      const h = Math.tanh(gates[g + j]);
      hs[hc + j] = h;
      gates[g + j] = h;
    }
  } else if (act === 1) {
    for (let j = 0; j < H; j++) {
      const s = gates[g + j];
      const h = s > 0 ? s : 0;
      hs[hc + j] = h;
      gates[g + j] = h;
    }
  } else {
    for (let j = 0; j < H; j++) {
      const h = gates[g + j];
      hs[hc + j] = h;
      gates[g + j] = h;
    }
  }
}

/**
 * Backward, time t, given dh = ∂L/∂h_t in w.dh:
 *   ∂L/∂z_t = dh ⊙ act′(z_t), with tanh′ = 1 − h_t², relu′ = [h_t > 0], linear′ = 1  → w.dz row t
 *   the direct part of ∂L/∂h_{t-1} (before + dz·Whh) → w.dhp: 0, or dh itself on a masked row.
 */
export function rnnBackwardStep(w: ChainWork, mask: Uint8Array, B: number, t: number, cur: number): void {
  const act = actCode(w);
  const fast = act === 0 ? w.fast : null;
  for (let b = 0; b < B; ) {
    if (mask[(t - 1) * B + b] === 0) {
      backwardMasked(w, B, t, b);
      b++;
      continue;
    }
    const e = runEnd(mask, B, t, b);
    if (fast) fast.rnnTanhBackward(w, B, t, cur, b, e);
    else for (let r = b; r < e; r++) backwardRow(w, B, t, cur, r, act);
    b = e;
  }
}

function backwardMasked(w: ChainWork, B: number, t: number, b: number): void {
  const H = w.H, dz = w.dz, dh = w.dh, dhp = w.dhp;
  const g = ((t - 1) * B + b) * H, r = b * H;
  for (let j = 0; j < H; j++) {
    dz[g + j] = 0;
    dhp[r + j] = dh[r + j];
  }
}

function backwardRow(w: ChainWork, B: number, t: number, cur: number, b: number, act: number): void {
  const H = w.H, hs = w.hs, dz = w.dz, dh = w.dh, dhp = w.dhp;
  const g = ((t - 1) * B + b) * H, hc = (cur * B + b) * H, r = b * H;
  if (act === 0) {
    for (let j = 0; j < H; j++) {
      const h = hs[hc + j];
      dz[g + j] = dh[r + j] * (1 - h * h);
      dhp[r + j] = 0;
    }
  } else if (act === 1) {
    for (let j = 0; j < H; j++) {
      dz[g + j] = hs[hc + j] > 0 ? dh[r + j] : 0;
      dhp[r + j] = 0;
    }
  } else {
    for (let j = 0; j < H; j++) {
      dz[g + j] = dh[r + j];
      dhp[r + j] = 0;
    }
  }
}
