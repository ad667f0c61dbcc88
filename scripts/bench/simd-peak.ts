/**
 * The bench's yardstick: WebAssembly SIMD's arithmetic ceiling here, measured in the same run as the engine
 * (wasm/peak/simd-peak.ts, compiled on the spot with the project's AssemblyScript, into a temporary folder).
 * Reported for both builds, so a GFLOP/s figure of the engine reads as a share of what the hardware allows.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clockMs, type BenchClock } from './cases';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const FLAGS = ['-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd'];
/** Flops per call of peak(n): 12 chains × 4 lanes × 2 flops per step. */
const FLOPS_PER_STEP = 12 * 4 * 2;

export interface SimdPeak {
  /** GFLOP/s with one fused multiply-add per lane and step (null where relaxed SIMD is unavailable). */
  readonly fused: number | null;
  /** GFLOP/s with a multiply then an add. */
  readonly separate: number;
}

type PeakFn = (n: number, m: number, c: number) => number;

function compile(relaxed: boolean, dir: string): PeakFn | null {
  const out = join(dir, relaxed ? 'fused.wasm' : 'separate.wasm');
  const asc = join(root, 'node_modules/assemblyscript/bin/asc.js');
  execFileSync(process.execPath, [asc, join(root, 'wasm/peak/simd-peak.ts'), ...FLAGS, ...(relaxed ? ['--enable', 'relaxed-simd'] : []), '--outFile', out], { stdio: 'pipe' });
  const bytes = readFileSync(out);
  if (!WebAssembly.validate(bytes)) return null;
  return new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.peak as PeakFn;
}

/** Best of the timed calls made in about 1.5 s (a host that slows some of them down then costs nothing), in GFLOP/s. */
function rate(fn: PeakFn, clock: BenchClock): number {
  const n = 2_000_000;
  // V8 first runs the function as baseline code and swaps in the optimised one when it is ready: run well past that
  const warm = performance.now();
  while (performance.now() - warm < 300) fn(n / 10, 1, 0);
  let best = 0;
  const start = performance.now();
  while (performance.now() - start < 1500) {
    const t0 = clockMs(clock);
    fn(n, 0.999999, 1e-7);
    best = Math.max(best, (n * FLOPS_PER_STEP) / ((clockMs(clock) - t0) * 1e6));
  }
  return best;
}

export function measureSimdPeak(clock: BenchClock): SimdPeak {
  const dir = mkdtempSync(join(tmpdir(), 'rnn-lab-peak-'));
  try {
    const separate = compile(false, dir)!;
    const fused = compile(true, dir);
    return { separate: rate(separate, clock), fused: fused ? rate(fused, clock) : null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
