/**
 * `npm run bench`: training steps per second of RNN Lab's engine against two peers on the same grid, in the same
 * run, with both ratios: TensorFlow.js (WASM backend) and PyTorch (Debian's python3-torch, when /usr/bin/python3 can
 * import it; otherwise skipped with the reason). `npm run bench -- --json` prints one JSON object instead of a table.
 * The engine and PyTorch take turns for 3 windows each per case and keep their best (tfjs-wasm gets one).
 * Options: --quick (shorter timing windows, one each), --filter=rnn (only cases whose cell matches), --cpu-time (rates in
 * each process's CPU time rather than elapsed time, for every subject alike: on a machine shared with other
 * work, elapsed time counts the waits too), --kernels=simd (the engine on its plain SIMD build instead of the
 * fused one). Installs nothing.
 *
 * The engine runs the kernel build the app runs: Electron's utility process and Chromium accept relaxed SIMD by
 * default, Node 20 only behind a V8 flag, which the bench sets for its own process before anything compiles.
 */
import { benchGrid, measure, stepFlops, type BenchClock } from './bench/cases';
import { measureSimdPeak } from './bench/simd-peak';
import { createEngineRunner, useAppKernels } from './bench/engine-subject';
import { createPeerRunner, initPeer } from './bench/tfjs-peer';
import { CORE, measureTorch, probeTorch } from './bench/torch-peer';

const args = process.argv.slice(2);
const json = args.includes('--json');
const minMs = args.includes('--quick') ? 400 : 1500;
const filter = args.find((a) => a.startsWith('--filter='))?.slice('--filter='.length);
const clock: BenchClock = args.includes('--cpu-time') ? 'cpu' : 'wall';
/** Windows each for the engine and PyTorch, taken in turns (best kept). */
const ROUNDS = args.includes('--quick') ? 1 : 3;

const engineKernels = useAppKernels(args, 'bench');

await initPeer();
const torch = probeTorch();
const coreNote = CORE ? ` (OPENBLAS_CORETYPE=${CORE}, from the CPU's flags)` : '';
if (!json) console.log(torch.ok ? `PyTorch ${torch.version}, one thread, OpenBLAS kernels ${torch.blasCore ?? 'unknown'}${coreNote}` : `PyTorch peer skipped: ${torch.reason}`);
const peak = measureSimdPeak(clock);
/** The ceiling of the build the engine runs. */
const enginePeak = engineKernels.name === 'wasm-fma' && peak.fused !== null ? peak.fused : peak.separate;
if (!json) {
  console.log(`engine kernels: ${engineKernels.name}`);
  console.log(`WebAssembly SIMD peak here: ${peak.fused === null ? 'fused n/a' : `${peak.fused.toFixed(1)} GFLOP/s fused`}, ${peak.separate.toFixed(1)} GFLOP/s multiply then add`);
}
if (!json && clock === 'cpu') console.log('rates in CPU time (--cpu-time)');
const results = [];
for (const c of benchGrid().filter((c) => !filter || c.cell === filter)) {
  // The engine and PyTorch, the close pair, take turns for ROUNDS windows each and keep their best: a window that a
  // busy host slowed down then costs neither side its figure. tfjs-wasm, far behind, gets one window.
  const engine = createEngineRunner(c);
  let steps = 0;
  let pt: ReturnType<typeof measureTorch> | null = null;
  for (let r = 0; r < ROUNDS; r++) {
    steps = Math.max(steps, measure(engine, minMs, 3, clock));
    if (!torch.ok) continue;
    const m = measureTorch(c, minMs, clock);
    if (!pt || m.stepsPerSecond > pt.stepsPerSecond) pt = m;
  }
  engine.dispose();
  const peer = createPeerRunner(c);
  const tfjsSteps = measure(peer, minMs, 2, clock);
  peer.dispose();
  const row = {
    ...c,
    steps_per_s: round(steps),
    tfjs_wasm_steps_per_s: round(tfjsSteps),
    ratio_tfjs_wasm: round(steps / tfjsSteps, 100),
    pytorch_steps_per_s: pt ? round(pt.stepsPerSecond) : null,
    pytorch_input: pt ? pt.input : null,
    ratio_pytorch: pt ? round(steps / pt.stepsPerSecond, 100) : null,
    engine_gflops: round((steps * stepFlops(c)) / 1e9),
    share_of_simd_peak: round((steps * stepFlops(c)) / 1e9 / enginePeak, 100),
  };
  results.push(row);
  if (!json) {
    const torchPart = pt ? `   pytorch ${fmt(row.pytorch_steps_per_s!)} steps/s (${pt.input.padEnd(9)})   ×${row.ratio_pytorch!.toFixed(2).padStart(6)}` : '';
    console.log(
      `${c.cell.padEnd(4)} T=${c.T} H=${String(c.H).padStart(3)} B=${String(c.B).padStart(2)}  engine ${fmt(row.steps_per_s)} steps/s` +
        `   tfjs-wasm ${fmt(row.tfjs_wasm_steps_per_s)} steps/s   ×${row.ratio_tfjs_wasm.toFixed(2).padStart(6)}${torchPart}` +
        `   ${row.engine_gflops.toFixed(1).padStart(5)} GFLOP/s (${Math.round(100 * row.share_of_simd_peak)}% of peak)`,
    );
  }
}
if (json) {
  const pytorch = torch.ok ? { available: true, version: torch.version, threads: 1, openblas_core: torch.blasCore, openblas_coretype_set: CORE } : { available: false, reason: torch.reason };
  console.log(JSON.stringify({ clock, rounds: ROUNDS, engine_kernels: engineKernels.name, simd_peak_gflops: { fused: peak.fused === null ? null : round(peak.fused), separate: round(peak.separate) }, peers: { 'tfjs-wasm': { available: true, threads: 1 }, pytorch }, results }));
}

function round(x: number, per = 10): number {
  return Math.round(x * per) / per;
}

function fmt(x: number): string {
  return x.toString().padStart(8);
}
