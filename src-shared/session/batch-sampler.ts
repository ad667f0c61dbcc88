import type { Example } from '../engine/types';

/**
 * Picks the examples of training step `step` as a pure function of (seed, step), so a run restored from a
 * checkpoint sees exactly the batches it would have seen without the interruption.
 */
export function batchForStep(train: readonly Example[], batchSize: number, seed: number, step: number): Example[] {
  const n = train.length;
  if (n === 0) return [];
  const size = Math.min(batchSize, n);
  const batch: Example[] = new Array<Example>(size);
  let state = mix(seed, step);
  for (let i = 0; i < size; i++) {
    state = mix(state, i + 1);
    batch[i] = train[state % n];
  }
  return batch;
}

/** A 32-bit integer hash of two numbers (murmur3 finaliser); always a non-negative integer. */
function mix(a: number, b: number): number {
  let h = (Math.imul(a | 0, 0x9e3779b1) ^ Math.imul(b | 0, 0x85ebca77)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
