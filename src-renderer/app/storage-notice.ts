import type { StorageStatus } from '../../src-shared/protocol/ipc-contract';
import { storageProblem } from '../../src-shared/protocol/storage-problem';
import type { MessageKey } from '../i18n/en';
import type { MessageVars } from '../i18n/message';

/** What the notices bar says about saving: a message key and values, worded in the learner's language when shown. */
export function storageNotice(status: StorageStatus): { key: MessageKey; vars: MessageVars } {
  if (status.mode === 'writable') return { key: 'ui.storage.writable', vars: {} };
  if (status.reason === 'locked') {
    return { key: 'ui.storage.locked', vars: { who: status.heldBy ? { key: 'ui.storage.lockedBy', vars: { pid: String(status.heldBy) } } : '' } };
  }
  // The same phrase as a save refused for that reason (storage-problem.ts: ENOSPC and QuotaExceededError alike).
  return { key: 'ui.storage.unwritable', vars: { why: storageProblem(status.code, status.detail) } };
}
