import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../src-shared/protocol/ipc-contract';
import { buildBridge, type IpcRendererLike } from './bridge';

type Handler = (event: { ports?: readonly MessagePort[] }, ...args: unknown[]) => void;

function fakeIpc() {
  const listeners = new Map<string, Set<Handler>>();
  const ipc: IpcRendererLike = {
    invoke: vi.fn(async (channel: string, req: unknown) => ({ channel, req })),
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener as Handler)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener as Handler),
  };
  const emit = (channel: string, event: { ports?: readonly MessagePort[] }, payload: unknown) => {
    for (const l of listeners.get(channel) ?? []) l(event, payload);
  };
  return { ipc, emit, listeners };
}

describe('buildBridge(ipcRenderer, postPortToPage)', () => {
  it('exposes one function per invoke channel that calls its channel with the request', async () => {
    const { ipc } = fakeIpc();
    const bridge = buildBridge(ipc, () => {});
    expect(Object.keys(bridge).filter((k) => k !== 'on').sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
    expect(await bridge.loadDoc('settings')).toEqual({ channel: INVOKE_CHANNELS.loadDoc, req: 'settings' });
    expect(Object.isFrozen(bridge) && Object.isFrozen(bridge.on)).toBe(true);
  });

  it('gives listeners the payload only and unsubscribes', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = buildBridge(ipc, () => {});
    expect(Object.keys(bridge.on).sort()).toEqual(Object.keys(EVENT_CHANNELS).sort());
    const seen: unknown[] = [];
    const off = bridge.on.trainerHealth((payload) => seen.push(payload));
    emit(EVENT_CHANNELS.trainerHealth, {}, { kind: 'started' });
    off();
    emit(EVENT_CHANNELS.trainerHealth, {}, { kind: 'gave-up', reason: 'x' });
    expect(seen).toEqual([{ kind: 'started' }]);
  });

  it('forwards a trainer port to the page with its reason and notifies on.trainerPort', () => {
    const { ipc, emit } = fakeIpc();
    const posted: unknown[] = [];
    const bridge = buildBridge(ipc, (message, port) => posted.push([message, port]));
    const reasons: unknown[] = [];
    bridge.on.trainerPort((p) => reasons.push(p));
    const port = { fake: 'port' } as unknown as MessagePort;
    emit(EVENT_CHANNELS.trainerPort, { ports: [port] }, { reason: 'restarted' });
    emit(EVENT_CHANNELS.trainerPort, { ports: [] }, { reason: 'initial' }); // no port: ignored
    emit(EVENT_CHANNELS.trainerPort, { ports: [port] }, { reason: 'bogus' }); // bad reason: ignored
    expect(posted).toEqual([[{ rnnLabTrainerPort: 'restarted' }, port]]);
    expect(reasons).toEqual([{ reason: 'restarted' }]);
  });
});
