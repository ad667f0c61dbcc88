import { parseDoc, type DocTypes } from '../../src-shared/protocol/documents';
import type { DocKind } from '../../src-shared/protocol/ipc-contract';
import type { Backend, DocLoad, DocStore, TrainerStream } from '../backend/backend';
import { isAllowedExternalUrl } from '../../src-shared/protocol/external-links';
import { IdbDocStore } from '../backend/idb-docs';

/** What the lesson and quiz need from the backend. */
export interface LessonServices {
  readonly docs: DocStore | null;
  openExternal(url: string): Promise<{ ok: boolean; error?: string }>;
  /** The Lab's trainer, for weight snapshots; null when the shell did not hand us its backend. */
  readonly trainer: TrainerStream | null;
}

let fallback: LessonServices | null = null;

/**
 * The shell's backend when it passes one; otherwise a light stand-in with the same documents and the same
 * link allow-list (no second trainer is started), so the lesson still saves progress and scores.
 */
export function lessonServices(backend: Backend | null | undefined): LessonServices {
  if (backend) return { docs: backend.docs, openExternal: (url) => backend.openExternal(url), trainer: backend.trainer };
  fallback ??= createFallback();
  return fallback;
}

function createFallback(): LessonServices {
  const bridge = typeof window !== 'undefined' ? window.rnnLab : undefined;
  if (bridge) {
    const docs: DocStore = {
      async load<K extends DocKind>(kind: K): Promise<DocLoad<K>> {
        const res = await bridge.loadDoc(kind);
        if (!res.ok) return res;
        if (res.data === null) return { ok: true, value: null };
        const parsed = parseDoc(kind, res.data);
        return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, error: parsed.error };
      },
      save: <K extends DocKind>(kind: K, value: DocTypes[K]) => bridge.saveDoc({ kind, data: value }),
      onQuarantined: () => () => undefined,
    };
    return { docs, openExternal: (url) => bridge.openExternal(url), trainer: null };
  }
  const docs = typeof indexedDB === 'undefined' ? null : new IdbDocStore();
  return {
    docs,
    openExternal(url) {
      if (!isAllowedExternalUrl(url)) return Promise.resolve({ ok: false, error: 'this link is not on the allow-list' });
      window.open(url, '_blank', 'noopener');
      return Promise.resolve({ ok: true });
    },
    trainer: null,
  };
}
