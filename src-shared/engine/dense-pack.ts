/**
 * Dense inputs (Example.inputVectors) packed time-major, [T][B][I], into a buffer of the model's kernels, so the
 * input projection is one product over every step. Padding rows stay zero (and masked). Grows, never shrinks.
 */
import type { Kernels } from './kernels';
import type { DenseInput } from './layer-input';
import type { DType, Example } from './types';

export class DensePack {
  readonly input: DenseInput;
  private capacity = 0;

  constructor(
    private readonly I: number,
    private readonly kernels: Kernels,
    private readonly dtype: DType,
  ) {
    // the first layer's input takes no gradient
    this.input = { kind: 'dense', width: I, buf: kernels.alloc(dtype, 0), off: 0, dBuf: null, dOff: 0 };
  }

  /** x_t of row b at ((t−1)·B + b)·I, for T steps (the longest example). */
  pack(examples: readonly Example[], T: number): void {
    const B = examples.length, I = this.I, n = T * B * I;
    if (n > this.capacity) {
      this.capacity = Math.max(n, Math.ceil(this.capacity * 1.5));
      this.input.buf = this.kernels.alloc(this.dtype, this.capacity);
    }
    const buf = this.input.buf;
    buf.fill(0, 0, n);
    for (let b = 0; b < B; b++) {
      const xs = examples[b].inputVectors!;
      for (let t = 0; t < xs.length; t++) {
        const row = (t * B + b) * I;
        for (let j = 0; j < I; j++) buf[row + j] = xs[t][j];
      }
    }
  }
}
