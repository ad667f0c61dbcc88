import type { ActionResult, AppInfo } from '../../src-shared/protocol/ipc-contract';
import { version } from '../../package.json';
import type { Backend } from './backend';
import { checkExternalUrl } from '../../src-shared/protocol/external-links';
import { IdbDocStore } from './idb-docs';
import { policyRefusesLink, policyRefusesSave, type PolicyLoad } from '../../src-shared/protocol/policy';
import { fetchWebPolicy } from './web-policy';
import type { DocKind } from '../../src-shared/protocol/ipc-contract';
import type { RunDocKind } from '../../src-shared/protocol/run-docs';
import type { DocTypes } from '../../src-shared/protocol/documents';
import type { WorkerLike } from './worker-child';
import { WorkerTrainerStream } from './worker-trainer-stream';
import { JobChannel } from './job-channel';

function createTrainerWorker(): WorkerLike {
  return new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: 'rnn-lab-trainer' });
}

/** The browser build: documents in IndexedDB, training in a supervised module Web Worker. */
export class BrowserBackend implements Backend {
  readonly shell = 'browser' as const;
  readonly #idb = new IdbDocStore();
  #policy: Promise<PolicyLoad> | null = null;
  /** IndexedDB, with the policy's saving rule applied here (there is no main process to enforce it). */
  readonly docs = {
    load: <K extends DocKind>(kind: K) => this.#idb.load(kind),
    save: async <K extends DocKind>(kind: K, value: DocTypes[K]) => {
      const refused = policyRefusesSave((await this.policy()).policy, kind);
      return refused ? { ok: false as const, problem: refused } : this.#idb.save(kind, value);
    },
    remove: async (kind: RunDocKind) => {
      const refused = policyRefusesSave((await this.policy()).policy, kind);
      return refused ? { ok: false as const, problem: refused } : this.#idb.remove(kind);
    },
    onQuarantined: (listener: Parameters<IdbDocStore['onQuarantined']>[0]) => this.#idb.onQuarantined(listener),
    status: () => this.#idb.status(),
    onStatus: () => this.#idb.onStatus(),
  };
  readonly trainer = new WorkerTrainerStream({ createWorker: createTrainerWorker });
  /** Jobs run in the same supervised trainer worker, beside the Lab's session. */
  readonly jobs = new JobChannel(this.trainer);

  info(): Promise<AppInfo> {
    return Promise.resolve({ version, platform: navigator.platform || 'web', shell: 'browser' });
  }

  /** Fetched once per page load; a policy changed by the host applies from the next load. */
  policy(): Promise<PolicyLoad> {
    this.#policy ??= fetchWebPolicy(document.baseURI);
    return this.#policy;
  }

  async openExternal(url: string): Promise<ActionResult> {
    const refused = policyRefusesLink((await this.policy()).policy);
    if (refused) return { ok: false, problem: refused };
    const check = checkExternalUrl(url);
    if (!check.ok) return { ok: false, problem: check.problem };
    // With 'noopener' window.open returns null even on success: there is nothing more to check.
    window.open(url, '_blank', 'noopener');
    return Promise.resolve({ ok: true });
  }

  dispose(): void {
    this.jobs.dispose();
    this.trainer.dispose();
    this.#idb.dispose();
  }
}
