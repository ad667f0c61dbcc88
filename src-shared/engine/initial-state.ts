/**
 * States handed into and out of a stack at its ends: the learner's h_0 / c_0 (Example.h0, c0) and their
 * gradients, and an encoder-decoder's context (the encoder's final states start the decoder; the decoder's
 * ∂L/∂h_0 goes back to them).
 */
import type { Example } from './types';
import type { Stack } from './stack';

/**
 * Example.h0 / c0 into every chain's work.h0 / c0 (after begin, which zeroes them; before forward).
 * Laid out layer by layer, direction by direction, H each.
 */
export function loadInitialStates(stack: Stack, examples: readonly Example[]): void {
  const H = stack.shape.H, lstm = stack.shape.kind === 'lstm', rows = stack.chains;
  for (let b = 0; b < examples.length; b++) {
    const { h0, c0 } = examples[b];
    if (!h0 && !c0) continue;
    for (let l = 0; l < rows.length; l++) {
      for (let d = 0; d < rows[l].length; d++) {
        const at = (l * rows[l].length + d) * H, w = rows[l][d].work;
        if (h0) for (let j = 0; j < H; j++) w.h0[b * H + j] = h0[at + j];
        if (lstm && c0) for (let j = 0; j < H; j++) w.c0[b * H + j] = c0[at + j];
      }
    }
  }
}

/** ∂L/∂h_0 (and ∂L/∂c_0) per example after backward, laid out like Example.h0. */
export function initialStateGrads(stack: Stack, B: number): { dh0: number[][]; dc0?: number[][] } {
  const H = stack.shape.H, lstm = stack.shape.kind === 'lstm';
  const dh0: number[][] = [], dc0: number[][] = [];
  for (let b = 0; b < B; b++) {
    const h: number[] = [], c: number[] = [];
    for (const row of stack.chains) {
      for (const chain of row) {
        for (let j = 0; j < H; j++) h.push(chain.work.dh0[b * H + j]);
        if (lstm) for (let j = 0; j < H; j++) c.push(chain.work.dc0[b * H + j]);
      }
    }
    dh0.push(h);
    dc0.push(c);
  }
  return lstm ? { dh0, dc0 } : { dh0 };
}

/** Decoder layer l starts from [h→ ; h←] (and [c→ ; c←]) of encoder layer l's final states. */
export function loadContext(enc: Stack, main: Stack, B: number): void {
  const H = enc.shape.H, Hd = main.shape.H, lstm = enc.shape.kind === 'lstm';
  for (let l = 0; l < enc.chains.length; l++) {
    const dec = main.chains[l][0].work;
    const row = enc.chains[l];
    for (let d = 0; d < row.length; d++) {
      const c = row[d];
      const at = c.finalSlot * B * H;
      for (let b = 0; b < B; b++) {
        for (let j = 0; j < H; j++) {
          dec.h0[b * Hd + d * H + j] = c.work.hs[at + b * H + j];
          if (lstm) dec.c0[b * Hd + d * H + j] = c.work.cs[at + b * H + j];
        }
      }
    }
  }
}

/** ∂L/∂(context) = the decoder's ∂L/∂h_0, handed to the encoder chains' final states. */
export function injectContextGrads(enc: Stack, main: Stack, B: number): void {
  const H = enc.shape.H, Hd = main.shape.H, lstm = enc.shape.kind === 'lstm';
  for (let l = 0; l < enc.chains.length; l++) {
    const dec = main.chains[l][0].work;
    const row = enc.chains[l];
    for (let d = 0; d < row.length; d++) {
      const w = row[d].work;
      for (let b = 0; b < B; b++) {
        for (let j = 0; j < H; j++) {
          w.dhFinal[b * H + j] = dec.dh0[b * Hd + d * H + j];
          if (lstm) w.dcFinal[b * H + j] = dec.dc0[b * Hd + d * H + j];
        }
      }
    }
  }
}
