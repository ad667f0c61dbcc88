import type { AppInfo } from '../../src-shared/protocol/ipc-contract';
import { version } from '../../package.json';
import { t } from '../i18n/i18n.svelte';
import type { Backend } from './backend';
import { isAllowedExternalUrl } from '../../src-shared/protocol/external-links';
import { IdbDocStore } from './idb-docs';
import { WorkerTrainerStream, type WorkerLike } from './worker-supervisor';

function createTrainerWorker(): WorkerLike {
  return new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'rnn-lab-trainer' });
}

/** The browser build: documents in IndexedDB, training in a supervised module Web Worker. */
export class BrowserBackend implements Backend {
  readonly shell = 'browser' as const;
  readonly docs = new IdbDocStore();
  readonly trainer = new WorkerTrainerStream({ createWorker: createTrainerWorker });

  info(): Promise<AppInfo> {
    return Promise.resolve({ version, platform: navigator.platform || 'web', shell: 'browser' });
  }

  openExternal(url: string): Promise<{ ok: boolean; error?: string }> {
    if (!isAllowedExternalUrl(url)) return Promise.resolve({ ok: false, error: t('app.linkBlocked') });
    // With 'noopener' window.open returns null even on success: there is nothing more to check.
    window.open(url, '_blank', 'noopener');
    return Promise.resolve({ ok: true });
  }

  dispose(): void {
    this.trainer.dispose();
    this.docs.dispose();
  }
}
