/**
 * The benchmark's second peer: PyTorch (Debian's python3-torch through /usr/bin/python3, one thread), running
 * torch_peer.py on the same case. Absent torch is not an error: the bench skips the peer with the reason.
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchCase, BenchClock } from './cases';

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'torch_peer.py');
/** One thread in every library torch may use, so the figures compare with the engine's single thread. */
const ENV = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };

export interface TorchResult {
  readonly stepsPerSecond: number;
  /** Which input was faster and is reported: 'one-hot' or 'embedding'. */
  readonly input: string;
}

/** torch's version, or why the peer cannot run here (one line). */
export function probeTorch(): { ok: true; version: string } | { ok: false; reason: string } {
  try {
    const out = execFileSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, version: out.trim() };
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? '');
    const missing = /No module named/.test(stderr) || (err as { code?: string }).code === 'ENOENT';
    return { ok: false, reason: missing ? `PyTorch not installed for ${PYTHON} (Debian: apt-get install python3-torch)` : `${PYTHON} could not import torch: ${stderr.trim().split('\n').at(-1) ?? ''}` };
  }
}

export function measureTorch(c: BenchCase, minMs: number, clock: BenchClock = 'wall'): TorchResult {
  const out = execFileSync(PYTHON, [SCRIPT, JSON.stringify({ ...c, min_ms: minMs, clock })], { env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as { steps_per_s: number; input: string };
  return { stepsPerSecond: r.steps_per_s, input: r.input };
}
