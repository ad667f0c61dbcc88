/**
 * Parameters as plain data for checkpoints, and the divergence check the training session runs every step.
 */
import type { Model } from './api';
import type { FloatArray } from './types';

/**
 * A typed array's values as a plain array, filled by push so V8 keeps it packed: `Array.from` on a typed array is
 * 2–3× slower, and a preallocated `new Array(n)` stays "holey", which structured clone copies element by element
 * (10× slower than a packed array of doubles).
 */
export function toNumbers(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) out.push(values[i]);
  return out;
}

/** Every parameter by name, as a plain array (row-major): the form saved in JSON files. */
export function exportParams(model: Model): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const p of model.params()) out[p.name] = toNumbers(p.value);
  return out;
}

/** Every parameter by name, copied into a typed array of the model's dtype: the form a structured clone copies fastest. */
export function exportParamArrays(model: Model): Record<string, FloatArray> {
  const out: Record<string, FloatArray> = {};
  for (const p of model.params()) out[p.name] = p.value.slice();
  return out;
}

/** A plain or typed array of numbers, as checkpoints carry them. */
export function isNumberArray(v: unknown): v is ArrayLike<number> {
  return Array.isArray(v) || v instanceof Float32Array || v instanceof Float64Array;
}

/**
 * Load values written by exportParams or exportParamArrays. Every name must be present with the right length and finite numbers,
 * and no unknown names may appear; the error names the offending field. Nothing is changed unless all is valid.
 */
export function importParams(model: Model, record: Readonly<Record<string, ArrayLike<number>>>): void {
  const params = model.params();
  const known = new Set<string>();
  for (const p of params) {
    known.add(p.name);
    const v = record[p.name];
    if (!isNumberArray(v)) throw new Error(`parameters: missing "${p.name}"`);
    if (v.length !== p.value.length) {
      throw new Error(`parameters: "${p.name}" has ${v.length} values, expected ${p.value.length} (shape ${p.shape.join('×')})`);
    }
    for (let i = 0; i < v.length; i++) {
      if (typeof v[i] !== 'number' || !Number.isFinite(v[i])) throw new Error(`parameters: "${p.name}"[${i}] is not a finite number`);
    }
  }
  for (const name of Object.keys(record)) if (!known.has(name)) throw new Error(`parameters: unexpected entry "${name}"`);
  for (const p of params) p.value.set(record[p.name]);
}

/** Name of the first parameter (or "<name>.grad") holding NaN or ±Infinity, or null when all are finite. */
export function hasNonFinite(model: Model): string | null {
  for (const p of model.params()) {
    const v = p.value;
    for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return p.name;
    const g = p.grad;
    for (let i = 0; i < g.length; i++) if (!Number.isFinite(g[i])) return `${p.name}.grad`;
  }
  return null;
}
