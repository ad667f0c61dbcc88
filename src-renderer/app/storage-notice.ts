import type { StorageStatus } from '../../src-shared/protocol/ipc-contract';
import type { NoticePhrase, NoticeVars } from './app-state.svelte';

/** What the notices bar says about saving: a message key and values, worded in the learner's language when shown. */
export function storageNotice(status: StorageStatus): { key: NoticePhrase['key']; vars: NoticeVars } {
  if (status.mode === 'writable') return { key: 'ui.storage.writable', vars: {} };
  if (status.reason === 'locked') {
    return { key: 'ui.storage.locked', vars: { who: status.heldBy ? { key: 'ui.storage.lockedBy', vars: { pid: String(status.heldBy) } } : '' } };
  }
  return { key: 'ui.storage.unwritable', vars: { why: why(status.code) } };
}

function why(code: string): NoticePhrase {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'QuotaExceededError':
      return { key: 'ui.storage.why.full' };
    case 'EROFS':
      return { key: 'ui.storage.why.readOnly' };
    case 'EACCES':
    case 'EPERM':
    case 'SecurityError':
      return { key: 'ui.storage.why.denied' };
    case 'ENOTDIR':
    case 'EEXIST':
      return { key: 'ui.storage.why.notFolder' };
    default:
      return { key: 'ui.storage.why.other', vars: { code } };
  }
}
