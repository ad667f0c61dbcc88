import { createRng } from '../../src-shared/tasks/random';

/** A stable 32-bit seed for one purpose of one attempt: same (seed, label) → same stream. */
export function deriveSeed(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h & 0x7fffffff;
}

/** Fisher–Yates with the seeded mulberry32 generator shared with the tasks: reproducible on every machine. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  return createRng(seed).shuffle(items);
}

/** A fresh seed for a new attempt (not reproducible on purpose; the attempt records it). */
export function freshSeed(): number {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return buf[0] & 0x7fffffff;
}
