import { describe, expect, it } from 'vitest';
import { inputGradSums, projectAllSteps, recurrentGradSums, ROW_BLOCK_MACS, rowBlock } from './all-steps-products';
import type { ParamTensor } from './api';
import { ChainWork } from './chain-work';
import { jsKernels } from './kernels';
import type { DenseInput } from './layer-input';
import { createEngineRng } from './rng';

// Small whole numbers throughout, so every sum is exact in float64 whatever its order: blocked and reference
// results must then be equal, not merely close.
const rng = createEngineRng(11);
const ints = (n: number): Float64Array => Float64Array.from({ length: n }, () => rng.int(7) - 3);
const param = (n: number): ParamTensor => ({ name: 'p', shape: [n], value: ints(n), grad: ints(n) });

const B = 2, T = 5, H = 3, I = 4;
/** A GRU's work (G = 3), whose dzh is a buffer of its own, so ∂L/∂Whh and ∂L/∂bh must read the right one. */
function gruWork(): ChainWork {
  const w = new ChainWork('gru', 'tanh', H, 'f64', jsKernels);
  w.ensure(T, B);
  w.gates.set(ints(w.gates.length));
  w.hs.set(ints(w.hs.length));
  w.dz.set(ints(w.dz.length));
  w.dzh.set(ints(w.dzh.length));
  return w;
}
const GH = 3 * H, rows = T * B;
/** A dense input starting at offset 5 of its buffer, its gradient at offset 3 of another. */
function denseInput(withGrad: boolean): DenseInput {
  return { kind: 'dense', width: I, buf: ints(5 + rows * I), off: 5, dBuf: withGrad ? ints(3 + rows * I) : null, dOff: 3 };
}
/** Block sizes to try, in steps: one step, two, three (uneven: T = 5), and everything at once. */
const STEPS = [1, 2, 3, T];
/** An interrupt check that counts its questions and never interrupts. */
function counter() {
  const c = { asked: 0, check: () => (c.asked++, false) };
  return c;
}

describe('the all-steps products (engine/all-steps-products.ts)', () => {
  it('rowBlock(B, GH, width) is whole steps of B rows, as many as fit in the budget, at least one', () => {
    expect(rowBlock(2, 12, 10, 240 * 3)).toBe(6);
    expect(rowBlock(2, 12, 10, 240 * 3 + 239)).toBe(6);
    expect(rowBlock(2, 12, 10, 100)).toBe(2);
    expect(rowBlock(16, 512, 128)).toBe(16 * Math.floor(ROW_BLOCK_MACS / (16 * 512 * 128)));
  });

  it('projectAllSteps: gates_t = bh + Wxh·x_t for every step, whatever the block size, one question per block', () => {
    const input = denseInput(false);
    const Wxh = ints(GH * I), bh = ints(GH);
    const want = new Float64Array(rows * GH);
    for (let r = 0; r < rows; r++) {
      for (let q = 0; q < GH; q++) {
        let s = bh[q];
        for (let c = 0; c < I; c++) s += Wxh[q * I + c] * input.buf[input.off + r * I + c];
        want[r * GH + q] = s;
      }
    }
    for (const steps of STEPS) {
      const w = gruWork(), ask = counter();
      projectAllSteps(jsKernels, ask.check, w, B, T, I, input, Wxh, bh, steps * B * GH * I);
      expect(Array.from(w.gates.subarray(0, rows * GH)), `${steps} steps per block`).toEqual(Array.from(want));
      expect(ask.asked).toBe(Math.ceil(T / steps));
    }
  });

  for (const reverse of [false, true]) {
    it(`recurrentGradSums${reverse ? ' (right-to-left)' : ''}: adds Σ_t dzh_tᵀ ⊗ h_prev(t) to ∂L/∂Whh and Σ dz to ∂L/∂bh`, () => {
      const w0 = gruWork(), Whh0 = param(GH * H), bh0 = param(GH);
      const dWhh = Float64Array.from(Whh0.grad), dbh = Float64Array.from(bh0.grad);
      const prevSlot = (t: number): number => (reverse ? t + 1 : t - 1);
      for (let t = 1; t <= T; t++) {
        for (let b = 0; b < B; b++) {
          const r = (t - 1) * B + b, p = (prevSlot(t) * B + b) * H;
          for (let q = 0; q < GH; q++) {
            dbh[q] += w0.dz[r * GH + q];
            for (let j = 0; j < H; j++) dWhh[q * H + j] += w0.dzh[r * GH + q] * w0.hs[p + j];
          }
        }
      }
      for (const steps of STEPS) {
        const w = gruWork(), ask = counter();
        w.hs.set(w0.hs);
        w.dz.set(w0.dz);
        w.dzh.set(w0.dzh);
        const Whh = { ...Whh0, grad: Float64Array.from(Whh0.grad) }, bh = { ...bh0, grad: Float64Array.from(bh0.grad) };
        recurrentGradSums(jsKernels, ask.check, w, B, T, reverse, Whh, bh, steps * B * GH * H);
        expect(Array.from(Whh.grad), `${steps} steps per block`).toEqual(Array.from(dWhh));
        expect(Array.from(bh.grad), `${steps} steps per block`).toEqual(Array.from(dbh));
        expect(ask.asked).toBe(Math.ceil(T / steps));
      }
    });
  }

  for (const withGrad of [true, false]) {
    it(`inputGradSums: adds Σ_t dz_tᵀ ⊗ x_t to ∂L/∂Wxh${withGrad ? ' and dz_t·Wxh to ∂L/∂x_t' : ', and no ∂L/∂x without dBuf'}`, () => {
      const w = gruWork(), input0 = denseInput(withGrad), Wxh0 = param(GH * I);
      const dW = Float64Array.from(Wxh0.grad);
      const dX = input0.dBuf ? Float64Array.from(input0.dBuf) : null;
      for (let r = 0; r < rows; r++) {
        for (let q = 0; q < GH; q++) {
          const d = w.dz[r * GH + q];
          for (let c = 0; c < I; c++) {
            dW[q * I + c] += d * input0.buf[input0.off + r * I + c];
            if (dX) dX[input0.dOff + r * I + c] += d * Wxh0.value[q * I + c];
          }
        }
      }
      for (const steps of STEPS) {
        const ask = counter();
        const input = { ...input0, dBuf: input0.dBuf && Float64Array.from(input0.dBuf) };
        const Wxh = { ...Wxh0, grad: Float64Array.from(Wxh0.grad) };
        inputGradSums(jsKernels, ask.check, w, B, T, I, input, Wxh, steps * B * GH * I);
        expect(Array.from(Wxh.grad), `${steps} steps per block`).toEqual(Array.from(dW));
        if (dX) expect(Array.from(input.dBuf!), `${steps} steps per block`).toEqual(Array.from(dX));
        else expect(input.dBuf).toBeNull();
        expect(ask.asked).toBe(Math.ceil(T / steps));
      }
    });
  }
});
