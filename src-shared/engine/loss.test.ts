import { describe, expect, it } from 'vitest';
import { createTally, scoreRow, scoreRows } from './loss';
import { createEngineRng } from './rng';
import { createWasmKernels } from './wasm-kernels';

describe('scoreRows(kind, y, rows, O, targets, mask, dy, scale, tally, kernels)', () => {
  const kernels = createWasmKernels()?.forModel();
  it('scores a whole pass in one wasm call as scoreRow does row by row: same count, loss and ∂L/∂y to float32 rounding', () => {
    expect(kernels?.softmax).toBeDefined();
    const k = kernels!;
    const rng = createEngineRng(3);
    for (const O of [1, 3, 4, 7, 32, 33]) {
      const rows = 57;
      const y = k.alloc('f32', rows * O), dy = k.alloc('f32', rows * O);
      for (let i = 0; i < y.length; i++) y[i] = 6 * rng.normal();
      y[5 * O] = y[5 * O + (O - 1)] = 40; // a tie: the first largest is the argmax
      const targets = Float64Array.from({ length: rows }, (_, r) => (r * 7) % O);
      const mask = Uint8Array.from({ length: rows }, (_, r) => (r % 5 === 3 ? 0 : 1));
      const fast = createTally(), slow = createTally();
      const dyRef = new Float32Array(rows * O);
      scoreRows('softmax-ce', y, rows, O, targets, mask, dy, 0.25, fast, k);
      for (let r = 0; r < rows; r++) if (mask[r]) scoreRow('softmax-ce', y, r * O, O, targets[r], dyRef, 0.25, slow);
      expect([fast[1], fast[2]]).toEqual([slow[1], slow[2]]);
      expect(Math.abs(fast[0] - slow[0])).toBeLessThan(1e-6 * (1 + Math.abs(slow[0])));
      for (let i = 0; i < dy.length; i++) expect(Math.abs(dy[i] - dyRef[i])).toBeLessThan(2e-7);
      // masked rows are not written
      for (let r = 0; r < rows; r++) if (!mask[r]) for (let o = 0; o < O; o++) expect(dy[r * O + o]).toBe(0);
    }
  });
});
