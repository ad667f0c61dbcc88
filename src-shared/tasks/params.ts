import type { TaskParamSpec, TaskSpec } from './types';

/**
 * Check a task's knobs against its spec and fill in defaults.
 * Unknown keys, non-numbers, values off the step grid and values out of range throw an Error naming the knob and its range.
 */
export function resolveParams(spec: TaskSpec, given: Readonly<Record<string, number>>): Record<string, number> {
  const known = new Map<string, TaskParamSpec>(spec.params.map((p) => [p.key, p]));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) {
      const list = spec.params.length > 0 ? spec.params.map((p) => p.key).join(', ') : 'none';
      throw new Error(`${spec.id}: unknown parameter "${key}" (this task's parameters: ${list})`);
    }
  }
  const out: Record<string, number> = {};
  for (const p of spec.params) {
    const value = Object.hasOwn(given, p.key) ? given[p.key] : p.default;
    const range = `${p.min}–${p.max}`;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`${spec.id}: parameter "${p.key}" must be a number in ${range}`);
    }
    if (value < p.min || value > p.max) {
      throw new Error(`${spec.id}: parameter "${p.key}" must be in ${range} (got ${value})`);
    }
    const steps = (value - p.min) / p.step;
    if (Math.abs(steps - Math.round(steps)) > 1e-9) {
      throw new Error(`${spec.id}: parameter "${p.key}" must be a multiple of ${p.step} in ${range} (got ${value})`);
    }
    out[p.key] = value;
  }
  return out;
}
