/**
 * Parameters as plain data for checkpoints, and the divergence check the training session runs every step.
 */
import type { Model } from './api';

/** Every parameter by name, as a plain array (row-major). */
export function exportParams(model: Model): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const p of model.params()) out[p.name] = Array.from(p.value);
  return out;
}

/**
 * Load values written by exportParams. Every name must be present with the right length and finite numbers,
 * and no unknown names may appear; the error names the offending field. Nothing is changed unless all is valid.
 */
export function importParams(model: Model, record: Record<string, number[]>): void {
  const params = model.params();
  const known = new Set<string>();
  for (const p of params) {
    known.add(p.name);
    const v = record[p.name];
    if (!Array.isArray(v)) throw new Error(`parameters: missing "${p.name}"`);
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
