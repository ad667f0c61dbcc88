import type { WebContents } from 'electron';
import type { AppInfo, InvokeContract, OpenTextFileRequest, PresenterState, SaveRunFileRequest } from '../src-shared/protocol/ipc-contract';
import { checkExternalUrl } from '../src-shared/protocol/external-links';
import { policyRefusesLink, policyRefusesSave, type PolicyLoad } from '../src-shared/protocol/policy';
import type { InvokeHandlers } from './ipc';
import type { DocStore } from './store/doc-store';

/** What the handlers need from the rest of main; injected so the wiring stays in index.ts. */
export interface HandlerDeps {
  readonly store: DocStore;
  readonly appInfo: AppInfo;
  /** The machine policy read at launch; main enforces its saving and link rules, not only the renderer. */
  readonly policy: PolicyLoad;
  readonly openExternal: (url: string) => Promise<void>;
  /** Send a fresh training port to this renderer; false when no trainer can be reached. */
  readonly requestTrainerPort: (contents: WebContents) => boolean;
  /** Open (or focus) the audience window for presenter mode; only the presenter window may ask. */
  readonly openAudienceWindow: (requester: WebContents) => Promise<InvokeContract['openAudienceWindow']['res']>;
  /** Forward the presenter's slide to the audience window; false when there is none or the sender is not the presenter. */
  readonly presenterSync: (requester: WebContents, state: PresenterState) => boolean;
  /** Your data: the native open dialog, parented to the asking window (open-text-file.ts). */
  readonly openTextFile: (requester: WebContents, req: OpenTextFileRequest) => Promise<InvokeContract['openTextFile']['res']>;
  /** Run files: the native open and save dialogs, parented to the asking window (run-file-dialogs.ts). */
  readonly openRunFile: (requester: WebContents) => Promise<InvokeContract['openRunFile']['res']>;
  readonly saveRunFile: (requester: WebContents, req: SaveRunFileRequest) => Promise<InvokeContract['saveRunFile']['res']>;
}

export function createInvokeHandlers(deps: HandlerDeps): InvokeHandlers {
  return {
    loadDoc: (kind) => deps.store.load(kind),
    saveDoc: async ({ kind, data }) => {
      const refused = policyRefusesSave(deps.policy.policy, kind);
      return refused ? { ok: false, problem: refused } : deps.store.save(kind, data);
    },
    deleteDoc: async (kind) => {
      const refused = policyRefusesSave(deps.policy.policy, kind);
      return refused ? { ok: false, problem: refused } : deps.store.remove(kind);
    },
    openExternal: async (raw) => {
      const refused = policyRefusesLink(deps.policy.policy);
      if (refused) return { ok: false, problem: refused };
      const check = checkExternalUrl(raw);
      if (!check.ok) return { ok: false, problem: check.problem };
      await deps.openExternal(check.url);
      return { ok: true };
    },
    appInfo: async () => deps.appInfo,
    storageStatus: async () => deps.store.status,
    requestTrainerPort: async (_req, event) => ({ ok: deps.requestTrainerPort(event.sender) }),
    openAudienceWindow: (_req, event) => deps.openAudienceWindow(event.sender),
    presenterSync: async (state, event) => ({ ok: deps.presenterSync(event.sender, state) }),
    policy: async () => deps.policy,
    openTextFile: (req, event) => deps.openTextFile(event.sender, req),
    openRunFile: (_req, event) => deps.openRunFile(event.sender),
    saveRunFile: (req, event) => deps.saveRunFile(event.sender, req),
  };
}
