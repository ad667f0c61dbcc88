/**
 * Every trainable tensor of a model lives in one flat value buffer and one flat gradient buffer; each named
 * ParamTensor is a view into both. One buffer makes zeroing, clipping and NaN checks single loops.
 */
import type { ParamTensor } from './api';
import type { Kernels } from './kernels';
import type { DType, FloatArray } from './types';

export interface ParamSpec {
  readonly name: string;
  readonly shape: readonly number[];
}

export interface ParamSet {
  /** All parameter values, concatenated in declaration order. */
  readonly values: FloatArray;
  /** ∂L/∂values, same layout. */
  readonly grads: FloatArray;
  readonly tensors: readonly ParamTensor[];
  /** Look a tensor up by name; throws if there is none. */
  get(name: string): ParamTensor;
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function createParamSet(specs: readonly ParamSpec[], dtype: DType, kernels: Kernels): ParamSet {
  let total = 0;
  for (const s of specs) total += sizeOf(s.shape);
  const values = kernels.alloc(dtype, total);
  const grads = kernels.alloc(dtype, total);
  const tensors: ParamTensor[] = [];
  const byName = new Map<string, ParamTensor>();
  let off = 0;
  for (const s of specs) {
    if (byName.has(s.name)) throw new Error(`duplicate parameter name ${s.name}`);
    const n = sizeOf(s.shape);
    const t: ParamTensor = {
      name: s.name,
      shape: s.shape.slice(),
      value: values.subarray(off, off + n),
      grad: grads.subarray(off, off + n),
    };
    tensors.push(t);
    byName.set(s.name, t);
    off += n;
  }
  return {
    values,
    grads,
    tensors,
    get(name: string): ParamTensor {
      const t = byName.get(name);
      if (!t) throw new Error(`no parameter named ${name}`);
      return t;
    },
  };
}
