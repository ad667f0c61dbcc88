/**
 * `npm run bench:profile -- lstm 256 32 [seconds] [--kernels=simd]`: where one training step of a bench case goes.
 * Runs the bench's own engine step under V8's sampling profiler (in this process, through node:inspector) and
 * sums the self time of every function into the step's parts: the matrix products, the cells' elementwise
 * steps, the one-hot rows, softmax, the optimizer, the engine's TypeScript and the rest. The wasm kernels carry
 * their names (scripts/build-wasm.mjs builds with a name section), so each kernel shows on its own line too.
 * The products' rate counts only the multiply-adds they really do (a one-hot input's projection is a gather).
 */
import { Session, type Profiler, type Runtime } from 'node:inspector';
import { gateCount } from '../../src-shared/engine/chain-work';
import type { CellKind } from '../../src-shared/engine/types';
import type { BenchCase } from './cases';
import { createEngineRunner, useAppKernels } from './engine-subject';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const cell = (args[0] ?? 'lstm') as CellKind;
if (!['rnn', 'lstm', 'gru'].includes(cell)) throw new Error(`bench:profile: no cell called ${cell}`);
const c: BenchCase = { cell, T: 50, I: 32, O: 32, H: Number(args[1] ?? 256), B: Number(args[2] ?? 32) };
const seconds = Number(args[3] ?? 5);

const kernels = useAppKernels(process.argv, 'bench:profile');

/** The part of a step a function belongs to, by its wasm name or its source file. */
function partOf(frame: Runtime.CallFrame): string {
  const name = frame.functionName;
  if (/gemm|tile|pack/i.test(name) && name.startsWith('wasm/')) return 'matrix products';
  if (name.startsWith('wasm/cells') || name.startsWith('wasm/vmath')) return 'cell elementwise steps';
  if (name.startsWith('wasm/sparse') || name.startsWith('wasm/axpy')) return 'one-hot input rows';
  if (name.startsWith('wasm/softmax')) return 'softmax cross-entropy';
  if (name.startsWith('wasm/optim')) return 'optimizer';
  if (frame.url.includes('/src-shared/')) return 'engine TypeScript';
  if (name === '(garbage collector)') return 'garbage collector';
  return 'other (runtime, profiler)';
}

const runner = createEngineRunner(c);
for (let i = 0; i < 5; i++) runner.step();
const session = new Session();
session.connect();
const post = <T>(method: string, params?: object): Promise<T> =>
  new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
await post('Profiler.enable');
await post('Profiler.setSamplingInterval', { interval: 200 });
await post('Profiler.start');
/** This process's CPU time in ms: on a shared machine, elapsed time would also count the waits for a core. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let steps = 0;
const t0 = cpuMs();
while (cpuMs() - t0 < seconds * 1000) {
  runner.step();
  steps++;
}
const elapsed = cpuMs() - t0;
const { profile } = await post<{ profile: Profiler.Profile }>('Profiler.stop');
session.disconnect();
runner.dispose();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map<number, number>();
for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
/** A function's row in the table: the shared micro-kernel is listed under the product that called it. */
function rowOf(id: number): string {
  const frame = byId.get(id)!.callFrame;
  if (!frame.functionName.startsWith('wasm/')) return `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}`;
  const parent = parentOf.get(id);
  if (frame.functionName.endsWith('/tile4x8') && parent !== undefined) return `${frame.functionName} in ${byId.get(parent)!.callFrame.functionName.split('/').pop()}`;
  return frame.functionName;
}
const selfUs = new Map<number, number>();
profile.samples!.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
const parts = new Map<string, number>(), kernelsUs = new Map<string, number>();
let total = 0;
for (const [id, us] of selfUs) {
  const frame = byId.get(id)!.callFrame;
  if (frame.functionName === '(idle)') continue;
  total += us;
  const part = partOf(frame);
  parts.set(part, (parts.get(part) ?? 0) + us);
  const key = rowOf(id);
  kernelsUs.set(key, (kernelsUs.get(key) ?? 0) + us);
}
const msPerStep = elapsed / steps;
const G = gateCount(cell);
const productFlops = 3 * c.T * 2 * c.B * (c.H * G * c.H + c.H * c.O);
const productShare = (parts.get('matrix products') ?? 0) / total;
console.log(`${cell} T=${c.T} H=${c.H} B=${c.B} on ${kernels.name}: ${steps} steps, ${msPerStep.toFixed(2)} ms of CPU time per step`);
for (const [part, us] of [...parts].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${part.padEnd(28)} ${((100 * us) / total).toFixed(1).padStart(5)}%  ${((msPerStep * us) / total).toFixed(2).padStart(7)} ms`);
}
console.log(`  matrix products at ${(productFlops / (productShare * msPerStep) / 1e6).toFixed(1)} GFLOP/s (their own multiply-adds: recurrent and head, 3 products each)`);
console.log('  by function (self time):');
for (const [name, us] of [...kernelsUs].sort((a, b) => b[1] - a[1]).slice(0, 14)) {
  console.log(`    ${name.padEnd(40)} ${((100 * us) / total).toFixed(1).padStart(5)}%`);
}
