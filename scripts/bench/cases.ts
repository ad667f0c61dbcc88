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

/** Steps per second: warm up, then run until at least `minMs` and `minSteps` have passed. */
export function measure(runner: StepRunner, minMs: number, minSteps = 3): number {
  const warm = performance.now();
  while (performance.now() - warm < minMs / 3) runner.step();
  let steps = 0;
  const start = performance.now();
  while (steps < minSteps || performance.now() - start < minMs) {
    runner.step();
    steps++;
  }
  return (steps * 1000) / (performance.now() - start);
}
