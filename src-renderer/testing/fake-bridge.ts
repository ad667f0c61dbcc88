import { vi, type Mock } from 'vitest';
import {
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  type BridgeApi,
  type InvokeContract,
  type MainEventContract,
} from '../../src-shared/protocol/ipc-contract';
import { NO_POLICY } from '../../src-shared/protocol/policy';

/** What each call answers unless a test says otherwise. */
export type BridgeReplies = { readonly [K in keyof InvokeContract]: InvokeContract[K]['res'] };

/**
 * A healthy desktop shell with nothing saved yet. Typed from the contract: a call added to InvokeContract is a
 * compile error here until it has a reply, and then every test's fake bridge has it.
 */
const HEALTHY: BridgeReplies = {
  loadDoc: { ok: true, data: null },
  saveDoc: { ok: true },
  openExternal: { ok: true },
  appInfo: { version: '1', platform: 'linux', shell: 'electron' },
  storageStatus: { mode: 'writable' },
  requestTrainerPort: { ok: true },
  openAudienceWindow: { ok: true },
  presenterSync: { ok: true },
  policy: NO_POLICY,
  openTextFile: { status: 'cancelled' },
};

type Calls = { readonly [K in keyof InvokeContract]: Mock<(req: InvokeContract[K]['req']) => Promise<InvokeContract[K]['res']>> };
type Listener = (payload: never) => void;

export interface FakeBridge {
  /** The bridge to hand to ElectronBackend or to put on `window.rnnLab`; each call is a vi.fn answering its reply. */
  readonly bridge: BridgeApi & Calls;
  /** Plays main pushing an event to every listener the page has registered (and not yet removed). */
  emit<K extends keyof MainEventContract>(event: K, payload: MainEventContract[K]): void;
  /** How many listeners the page holds on an event. */
  listenerCount(event: keyof MainEventContract): number;
}

/** The preload's bridge, built from the contract's channel tables, with `replies` overriding the healthy answers. */
export function fakeBridge(replies: Partial<BridgeReplies> = {}): FakeBridge {
  const answers = { ...HEALTHY, ...replies } as Record<keyof InvokeContract, unknown>;
  const calls = Object.fromEntries(
    (Object.keys(INVOKE_CHANNELS) as (keyof InvokeContract)[]).map((name) => [name, vi.fn(async () => structuredClone(answers[name]))]),
  ) as unknown as Calls;
  const listeners = new Map<keyof MainEventContract, Set<Listener>>();
  const on = Object.fromEntries(
    (Object.keys(EVENT_CHANNELS) as (keyof MainEventContract)[]).map((event) => [
      event,
      (listener: Listener) => {
        const set = listeners.get(event) ?? new Set<Listener>();
        listeners.set(event, set.add(listener));
        return () => void set.delete(listener);
      },
    ]),
  ) as unknown as BridgeApi['on'];
  return {
    bridge: { ...calls, on },
    emit: (event, payload) => {
      for (const listener of [...(listeners.get(event) ?? [])]) (listener as (p: typeof payload) => void)(payload);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}
