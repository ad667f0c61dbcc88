import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BridgeApi, MainEventContract } from '../../src-shared/protocol/ipc-contract';
import App from '../App.svelte';
import { t } from '../i18n/i18n.svelte';
import { SECTIONS } from '../lesson/sections';

/** The preload's bridge as the audience window sees it; `emit` plays main pushing an event. */
function fakeBridge() {
  const listeners = new Map<keyof MainEventContract, ((p: unknown) => void)[]>();
  const on = <K extends keyof MainEventContract>(key: K) => (l: (p: MainEventContract[K]) => void) => {
    listeners.set(key, [...(listeners.get(key) ?? []), l as (p: unknown) => void]);
    return () => {};
  };
  const bridge: BridgeApi = {
    loadDoc: vi.fn(async () => ({ ok: true as const, data: null })),
    saveDoc: vi.fn(async () => ({ ok: true as const })),
    deleteDoc: vi.fn(async () => ({ ok: true as const })),
    openExternal: vi.fn(async () => ({ ok: true })),
    policy: vi.fn(async () => ({ policy: {}, issues: [], source: null })),
    appInfo: vi.fn(async () => ({ version: '1', platform: 'linux', shell: 'electron' as const })),
    storageStatus: vi.fn(async () => ({ mode: 'writable' as const })),
    requestTrainerPort: vi.fn(async () => ({ ok: false })),
    openAudienceWindow: vi.fn(async () => ({ ok: true })),
    presenterSync: vi.fn(async () => ({ ok: true })),
    openTextFile: vi.fn(async () => ({ status: 'cancelled' as const })),
    openRunFile: vi.fn(async () => ({ status: 'cancelled' as const })),
    saveRunFile: vi.fn(async () => ({ status: 'cancelled' as const })),
    on: {
      trainerPort: on('trainerPort'),
      trainerHealth: on('trainerHealth'),
      docQuarantined: on('docQuarantined'),
      storageStatus: on('storageStatus'),
      presenterState: on('presenterState'),
      audienceClosed: on('audienceClosed'),
    },
  };
  const emit = <K extends keyof MainEventContract>(key: K, payload: MainEventContract[K]) => {
    for (const l of listeners.get(key) ?? []) l(payload);
  };
  return { bridge, emit };
}

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
  Reflect.deleteProperty(window, 'rnnLab');
  history.replaceState(null, '', '#');
});

describe('App in the audience window (#present-audience)', () => {
  it('renders only the slides, following the presenter, and never trains or rewrites the route', async () => {
    const { bridge, emit } = fakeBridge();
    Object.defineProperty(window, 'rnnLab', { value: bridge, configurable: true });
    history.replaceState(null, '', '#present-audience');
    app = mount(App, { target: document.body });
    await vi.waitFor(() => expect(document.querySelector('[data-testid="audience"]')).not.toBeNull(), { timeout: 50_000 }); // first load transforms the lazily loaded lesson modules

    expect(document.querySelector('header')).toBeNull();
    expect(document.querySelector('nav')).toBeNull();
    emit('presenterState', { slide: 1, blank: false });
    flushSync();
    expect(document.querySelector('h1')?.textContent).toBe(t(SECTIONS[1].title));
    expect(location.hash).toBe('#present-audience');
    expect(bridge.saveDoc).not.toHaveBeenCalled();
  }, 60_000);
});
