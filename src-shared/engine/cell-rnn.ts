/**
 * Vanilla RNN cell:  h_t = act(z_t),  z_t = Wxh·x_t + Whh·h_{t-1} + bh,  act ∈ {tanh, relu, linear}.
 * The chain has already put z_t = Wxh·x_t + bh + Whh·h_{t-1} into `gates`; these functions do the
 * elementwise part of one time step for a whole batch. A masked (padding) row copies h_{t-1} through.
 */
import type { ChainWork } from './chain-work';

/** Forward, time t: hs[cur] = act(z_t); the activation replaces z_t in gates. */
export function rnnForwardStep(w: ChainWork, mask: Uint8Array, B: number, t: number, cur: number, prev: number): void {
  const H = w.H;
  const gates = w.gates, hs = w.hs;
  const act = w.activation === 'tanh' ? 0 : w.activation === 'relu' ? 1 : 2;
  const gBase = (t - 1) * B * H;
  for (let b = 0; b < B; b++) {
    const g = gBase + b * H;
    const hc = (cur * B + b) * H;
    const hp = (prev * B + b) * H;
    if (mask[(t - 1) * B + b] === 0) {
      for (let j = 0; j < H; j++) {
        hs[hc + j] = hs[hp + j];
        gates[g + j] = 0;
      }
      continue;
    }
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
}

/**
 * Backward, time t, given dh = ∂L/∂h_t in w.dh:
 *   ∂L/∂z_t = dh ⊙ act′(z_t), with tanh′ = 1 − h_t², relu′ = [h_t > 0], linear′ = 1  → w.dz row t
 *   the direct part of ∂L/∂h_{t-1} (before + dz·Whh) → w.dhp: 0, or dh itself on a masked row.
 */
export function rnnBackwardStep(w: ChainWork, mask: Uint8Array, B: number, t: number, cur: number): void {
  const H = w.H;
  const hs = w.hs, dz = w.dz, dh = w.dh, dhp = w.dhp;
  const act = w.activation === 'tanh' ? 0 : w.activation === 'relu' ? 1 : 2;
  const gBase = (t - 1) * B * H;
  for (let b = 0; b < B; b++) {
    const g = gBase + b * H;
    const hc = (cur * B + b) * H;
    const r = b * H;
    if (mask[(t - 1) * B + b] === 0) {
      for (let j = 0; j < H; j++) {
        dz[g + j] = 0;
        dhp[r + j] = dh[r + j];
      }
      continue;
    }
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
}
