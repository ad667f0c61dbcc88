/**
 * The head's input for a many-to-one model: feat row b = [h→_T ; h←_1], the last state each direction of the
 * top layer reached, and ∂L/∂feat, which goes back into each top chain as the gradient at its last step.
 */
import type { Kernels } from './kernels';
import type { Stack } from './stack';
import type { DType, FloatArray } from './types';

export class FinalFeatures {
  /** [h→_T ; h←_1] per row [B][D]. */
  feat: FloatArray;
  /** ∂L/∂feat [B][D]. */
  dFeat: FloatArray;

  constructor(
    private readonly main: Stack,
    private readonly kernels: Kernels,
    private readonly dtype: DType,
  ) {
    this.feat = kernels.alloc(dtype, 0);
    this.dFeat = kernels.alloc(dtype, 0);
  }

  /** feat rows b < B from the top layer's final states (sizing the buffers for B rows). */
  gather(B: number): void {
    const main = this.main, H = main.shape.H, D = main.D;
    if (this.feat.length < B * D) {
      this.feat = this.kernels.alloc(this.dtype, B * D);
      this.dFeat = this.kernels.alloc(this.dtype, B * D);
    }
    const top = main.top;
    for (let d = 0; d < top.length; d++) {
      const hs = top[d].work.hs, at = top[d].finalSlot * B * H;
      for (let b = 0; b < B; b++) for (let j = 0; j < H; j++) this.feat[b * D + d * H + j] = hs[at + b * H + j];
    }
  }

  /** Each top chain's ∂L/∂(last state) ← its half of dFeat. */
  scatterGrads(B: number): void {
    const main = this.main, H = main.shape.H, D = main.D;
    const top = main.top;
    for (let d = 0; d < top.length; d++) {
      const g = top[d].work.dhFinal;
      for (let b = 0; b < B; b++) for (let j = 0; j < H; j++) g[b * H + j] = this.dFeat[b * D + d * H + j];
    }
  }
}
