/**
 * The benchmark's second peer: PyTorch (Debian's python3-torch through /usr/bin/python3, one thread), running
 * torch_peer.py on the same case. Absent torch is not an error: the bench skips the peer with the reason.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase, BenchClock } from './cases';

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'torch_peer.py');
/**
 * The OpenBLAS kernels this CPU can run, for a peer at its best: Debian's OpenBLAS 0.3.21 does not know newer
 * CPUs by model (an Intel family 6 model 207 here) and falls back to its SSE3 "Prescott" kernels, a quarter of
 * the AVX-512 ones' speed. Chosen from the CPU's own feature flags; null (OpenBLAS decides) off Linux, on CPUs
 * without AVX2, or when the user set OPENBLAS_CORETYPE.
 */
export function openblasCore(cpuinfo = readCpuinfo()): string | null {
  if (process.env.OPENBLAS_CORETYPE !== undefined || cpuinfo === null) return null;
  const flags = new Set(/^flags\s*:(.*)$/m.exec(cpuinfo)?.[1].trim().split(/\s+/) ?? []);
  if (['avx512f', 'avx512bw', 'avx512vl', 'avx512dq', 'avx512cd'].every((f) => flags.has(f))) return 'SKYLAKEX';
  if (['avx2', 'fma'].every((f) => flags.has(f))) return 'HASWELL';
  return null;
}

function readCpuinfo(): string | null {
  try {
    return readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    return null;
  }
}

/** What the bench sets OPENBLAS_CORETYPE to (null: not set). */
export const CORE = openblasCore();
/** One thread in every library torch may use, so the figures compare with the engine's single thread. */
const ENV = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1', ...(CORE ? { OPENBLAS_CORETYPE: CORE } : {}) };

export interface TorchResult {
  readonly stepsPerSecond: number;
  /** Which input was faster and is reported: 'one-hot' or 'embedding'. */
  readonly input: string;
}

/** torch's version, or why the peer cannot run here (one line). */
export function probeTorch(): { ok: true; version: string; blasCore: string | null } | { ok: false; reason: string } {
  try {
    const out = execFileSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, version: out.trim(), blasCore: probeCore() };
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? '');
    const missing = /No module named/.test(stderr) || (err as { code?: string }).code === 'ENOENT';
    return { ok: false, reason: missing ? `PyTorch not installed for ${PYTHON} (Debian: apt-get install python3-torch)` : `${PYTHON} could not import torch: ${stderr.trim().split('\n').at(-1) ?? ''}` };
  }
}

/** The OpenBLAS kernels torch loads with ENV, as OpenBLAS names them (OPENBLAS_VERBOSE=2); null if it does not say. */
function probeCore(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import torch'], { env: { ...ENV, OPENBLAS_VERBOSE: '2' }, encoding: 'utf8' });
  return /Core: (\S+)/.exec(`${r.stdout}${r.stderr}`)?.[1] ?? null;
}

export function measureTorch(c: BenchCase, minMs: number, clock: BenchClock = 'wall'): TorchResult {
  const out = execFileSync(PYTHON, [SCRIPT, JSON.stringify({ ...c, min_ms: minMs, clock })], { env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as { steps_per_s: number; input: string };
  return { stepsPerSecond: r.steps_per_s, input: r.input };
}
