/**
 * The output layer: y = Why·h + by for every row h it is given (a final state for many-to-one,
 * every step's top-layer state otherwise). Rows are batched into one product.
 */
import { fillBiasRows } from './all-steps-products';
import type { ParamTensor } from './api';
import type { Kernels } from './kernels';
import type { ParamSet, ParamSpec } from './param-set';
import type { DType, FloatArray } from './types';

export function headParamSpecs(O: number, D: number): ParamSpec[] {
  return [
    { name: 'head.Why', shape: [O, D] },
    { name: 'head.by', shape: [O] },
  ];
}

export class Head {
  /** Output weights, state → logits [O × D]. */
  readonly Why: ParamTensor;
  /** Output bias [O]. */
  readonly by: ParamTensor;
  /** y rows [N][O]. */
  logits: FloatArray;
  /** ∂L/∂y rows [N][O]. */
  dlogits: FloatArray;
  private capRows = 0;

  constructor(
    /** O: outputs per row. */
    readonly O: number,
    /** D: width of the state rows read. */
    readonly D: number,
    params: ParamSet,
    private readonly dtype: DType,
    private readonly kernels: Kernels,
  ) {
    this.Why = params.get('head.Why');
    this.by = params.get('head.by');
    this.logits = kernels.alloc(dtype, 0);
    this.dlogits = kernels.alloc(dtype, 0);
  }

  ensure(rows: number): void {
    if (rows <= this.capRows) return;
    // grow by half again at least (see ChainWork.ensure)
    this.capRows = Math.max(rows, Math.ceil(this.capRows * 1.5));
    rows = this.capRows;
    this.logits = this.kernels.alloc(this.dtype, rows * this.O);
    this.dlogits = this.kernels.alloc(this.dtype, rows * this.O);
  }

  /** logits rows [r0, r1) ← by + Why·h for state rows starting at hOff (row r of h at hOff + r·D). */
  forward(r0: number, r1: number, h: FloatArray, hOff: number): void {
    const O = this.O, y = this.logits;
    fillBiasRows(y, this.by.value, O, r0, r1);
    this.kernels.gemmNT(r1 - r0, O, this.D, h, hOff + r0 * this.D, this.Why.value, 0, y, r0 * O);
  }

  /** Zero the rows of dlogits that scoring will fill. */
  zeroGrad(rows: number): void {
    this.dlogits.fill(0, 0, rows * this.O);
  }

  /**
   * Backward over `rows` rows:  ∂L/∂Why += dyᵀ·h,  ∂L/∂by += Σ dy,  ∂L/∂h += dy·Why (into dh at dhOff).
   */
  backward(rows: number, h: FloatArray, hOff: number, dh: FloatArray, dhOff: number): void {
    const O = this.O, D = this.D, dy = this.dlogits, dby = this.by.grad;
    this.kernels.gemmTN(O, D, rows, dy, 0, h, hOff, this.Why.grad, 0);
    for (let r = 0; r < rows; r++) for (let o = 0; o < O; o++) dby[o] += dy[r * O + o];
    this.kernels.gemmNN(rows, D, O, dy, 0, this.Why.value, 0, dh, dhOff);
  }
}
