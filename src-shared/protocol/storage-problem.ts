/**
 * Why a document could not be saved or read, as a problem (problem.ts): the one mapping from what the storage
 * reported (a system error code such as ENOSPC from the desktop's file system, a DOMException name such as
 * QuotaExceededError from the browser's IndexedDB) to the phrase the learner reads in their language.
 */
import { problem, type Problem } from './problem';

/** The problem a storage error code stands for; `detail` (the English message) goes to the console only. */
export function storageProblem(code: string, detail?: string): Problem {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'QuotaExceededError':
      return problem('storage.full', undefined, detail);
    case 'EROFS':
      return problem('storage.readOnly', undefined, detail);
    case 'EACCES':
    case 'EPERM':
    case 'SecurityError':
      return problem('storage.denied', undefined, detail);
    case 'ENOTDIR':
    case 'EEXIST':
      return problem('storage.notFolder', undefined, detail);
    case '':
      return problem('storage.failed', undefined, detail);
    default:
      // A code the system names (EIO, EBUSY…) is the same in every language; a browser's own error names are not codes.
      return /^E[A-Z0-9]+$/.test(code) ? problem('storage.systemError', { code }, detail) : problem('storage.failed', undefined, detail);
  }
}

/** The problem an exception from a storage call stands for, by its `code` (Node's errno) or `name` (a DOMException). */
export function storageProblemOf(err: unknown, context: string): Problem {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { code?: unknown; name?: unknown; message?: unknown };
  // A DOMException's own `code` is a legacy number; its name is what says what happened.
  const code = typeof e.code === 'string' ? e.code : typeof e.name === 'string' && e.name !== 'Error' ? e.name : '';
  return storageProblem(code, `${context}: ${typeof e.message === 'string' ? e.message : String(err)}`);
}

/** A document refused before saving because it would take more than `maxBytes` (the cap of one document). */
export function storageTooLarge(kind: string, maxBytes: number): Problem {
  return problem('storage.tooLarge', { mb: megabytes(maxBytes) }, `Not saved: ${kind} would exceed ${maxBytes} bytes`);
}

/** A byte cap in megabytes, as the learner reads it (5000000 → 5). */
export function megabytes(bytes: number): number {
  return Math.round(bytes / 100_000) / 10;
}
