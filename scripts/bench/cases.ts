import { gateCount } from '../../src-shared/engine/chain-work';
import type { CellKind } from '../../src-shared/engine/types';

/** One benchmark configuration. */
export interface BenchCase {
  readonly cell: CellKind;
  readonly T: number;
  readonly I: number;
  readonly O: number;
  readonly H: number;
  readonly B: number;
}

export interface StepRunner {
  /** One full training step: forward over T steps, BPTT, parameter update. */
  step(): void;
  dispose(): void;
}

/** The grid the issue asks for: T=50, I=O=32, H ∈ {32,128,256}, B ∈ {1,32}, every cell. */
export function benchGrid(): BenchCase[] {
  const grid: BenchCase[] = [];
  for (const cell of ['rnn', 'lstm', 'gru'] as const)
    for (const B of [1, 32])
      for (const H of [32, 128, 256]) grid.push({ cell, T: 50, I: 32, O: 32, H, B });
  return grid;
}

/**
 * Which time a rate is measured in: 'wall' (elapsed time, the default) or 'cpu' (this process's user + system
 * time, which a shared, oversubscribed machine does not inflate the way it inflates elapsed time).
 */
export type BenchClock = 'wall' | 'cpu';

/** Milliseconds on the given clock, from an arbitrary origin. */
export function clockMs(clock: BenchClock): number {
  if (clock === 'wall') return performance.now();
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}

/** Steps per second: warm up, then run until at least `minMs` and `minSteps` have passed (on `clock`). */
export function measure(runner: StepRunner, minMs: number, minSteps = 3, clock: BenchClock = 'wall'): number {
  const warm = clockMs(clock);
  while (clockMs(clock) - warm < minMs / 3) runner.step();
  let steps = 0;
  const start = clockMs(clock);
  while (steps < minSteps || clockMs(clock) - start < minMs) {
    runner.step();
    steps++;
  }
  return (steps * 1000) / (clockMs(clock) - start);
}

/**
 * Floating-point operations of one training step of case c, counted as dense products (the formula):
 * 3 products (forward, the backward of the input, the weight gradient) × 2 flops per multiply-add, over every
 * (t, b) row, of the input projection I·G·H, the recurrent product H·G·H and the head H·O.
 */
export function stepFlops(c: BenchCase): number {
  const G = gateCount(c.cell);
  return 3 * c.T * 2 * c.B * (c.I * G * c.H + c.H * G * c.H + c.H * c.O);
}
