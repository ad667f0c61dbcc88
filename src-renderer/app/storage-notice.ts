import type { StorageStatus } from '../../src-shared/protocol/ipc-contract';
import { t } from '../i18n/i18n.svelte';

/** What the notices bar says about saving, in the learner's language. */
export function storageNotice(status: StorageStatus): string {
  if (status.mode === 'writable') return t('ui.storage.writable');
  if (status.reason === 'locked') {
    return t('ui.storage.locked', { who: status.heldBy ? t('ui.storage.lockedBy', { pid: status.heldBy }) : '' });
  }
  return t('ui.storage.unwritable', { why: why(status.code) });
}

function why(code: string): string {
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'QuotaExceededError':
      return t('ui.storage.why.full');
    case 'EROFS':
      return t('ui.storage.why.readOnly');
    case 'EACCES':
    case 'EPERM':
    case 'SecurityError':
      return t('ui.storage.why.denied');
    case 'ENOTDIR':
    case 'EEXIST':
      return t('ui.storage.why.notFolder');
    default:
      return t('ui.storage.why.other', { code });
  }
}
