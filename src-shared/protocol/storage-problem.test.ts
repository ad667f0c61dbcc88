import { describe, expect, it } from 'vitest';
import { ProblemSchema } from './problem';
import { megabytes, storageProblem, storageProblemOf, storageTooLarge } from './storage-problem';
import * as v from 'valibot';

const errno = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('storageProblem(code) and storageProblemOf(err)', () => {
  it('names a full, read-only or forbidden disk alike from the desktop’s errno and the browser’s DOMException', () => {
    expect(storageProblemOf(errno('ENOSPC', 'ENOSPC: no space left on device'), 'could not save settings')).toEqual({
      code: 'storage.full', detail: 'could not save settings: ENOSPC: no space left on device',
    });
    expect(storageProblemOf(new DOMException('quota exceeded', 'QuotaExceededError'), 'x').code).toBe('storage.full');
    expect(storageProblem('EROFS').code).toBe('storage.readOnly');
    expect(storageProblem('EACCES').code).toBe('storage.denied');
    expect(storageProblemOf(new DOMException('no', 'SecurityError'), 'x').code).toBe('storage.denied');
    expect(storageProblem('ENOTDIR').code).toBe('storage.notFolder');
  });

  it('passes on a system code it does not know, and calls anything else a storage failure', () => {
    expect(storageProblem('EIO', 'd')).toEqual({ code: 'storage.systemError', params: { code: 'EIO' }, detail: 'd' });
    // A DOMException's legacy numeric code is not what happened: its name is.
    expect(storageProblemOf(new DOMException('aborted', 'AbortError'), 'x').code).toBe('storage.failed');
    expect(storageProblemOf(new Error('plain'), 'x')).toEqual({ code: 'storage.failed', detail: 'x: plain' });
    expect(storageProblemOf('a string', 'x')).toEqual({ code: 'storage.failed', detail: 'x: a string' });
  });

  it('states a size cap in megabytes, and every problem it makes crosses the IPC boundary', () => {
    expect(megabytes(5_000_000)).toBe(5);
    expect(megabytes(1_250_000)).toBe(1.3);
    const p = storageTooLarge('run:a', 5_000_000);
    expect(p).toEqual({ code: 'storage.tooLarge', params: { mb: 5 }, detail: 'Not saved: run:a would exceed 5000000 bytes' });
    for (const q of [p, storageProblem('EIO', 'x'.repeat(2000)), storageProblem('ENOSPC')]) expect(v.is(ProblemSchema, q)).toBe(true);
  });
});
