import { describe, expect, it } from 'vitest';
import { openblasCore } from './torch-peer';

const cpu = (flags: string) => `processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: ${flags}\n`;

describe('the PyTorch peer\'s OpenBLAS kernels', () => {
  it('are chosen from the CPU\'s feature flags, since OpenBLAS 0.3.21 takes newer CPUs for SSE3-only ones', () => {
    expect(openblasCore(cpu('fpu sse sse2 avx fma avx2 avx512f avx512dq avx512cd avx512bw avx512vl'))).toBe('SKYLAKEX');
    expect(openblasCore(cpu('fpu sse sse2 avx fma avx2'))).toBe('HASWELL');
    expect(openblasCore(cpu('fpu sse sse2 avx'))).toBeNull();
    expect(openblasCore(null)).toBeNull();
  });
});
