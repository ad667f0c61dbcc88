import { describe, expect, it, vi } from 'vitest';
import { registerServiceWorker } from './service-worker';

/** A registration whose installing worker reaches 'installed' when the test says so. */
function fakeContainer(opts: { controller: boolean; waiting?: boolean }) {
  const regListeners: Record<string, () => void> = {};
  const workerListeners: Record<string, () => void> = {};
  const containerListeners: Record<string, () => void> = {};
  const worker = { state: 'installing', addEventListener: (e: string, f: () => void) => (workerListeners[e] = f) };
  const waiting = { postMessage: vi.fn() };
  const reg = {
    installing: worker,
    waiting: opts.waiting ? waiting : null,
    addEventListener: (e: string, f: () => void) => (regListeners[e] = f),
  };
  const container = {
    register: vi.fn(async () => reg),
    controller: opts.controller ? {} : null,
    addEventListener: (e: string, f: () => void) => (containerListeners[e] = f),
  };
  const install = () => {
    regListeners.updatefound?.();
    worker.state = 'installed';
    reg.waiting = waiting;
    workerListeners.statechange?.();
  };
  return { container: container as unknown as ServiceWorkerContainer, install, waiting, containerListeners };
}

describe('registerServiceWorker(events, base)', () => {
  it('registers sw.js beside index.html, under any sub-path', async () => {
    const f = fakeContainer({ controller: false });
    await registerServiceWorker({ onOfflineReady: vi.fn(), onUpdateReady: vi.fn() }, 'https://school.example/rnn-lab/index.html', f.container);
    expect(f.container.register).toHaveBeenCalledWith('https://school.example/rnn-lab/sw.js');
  });

  it('says the app works offline after the first install', async () => {
    const f = fakeContainer({ controller: false });
    const events = { onOfflineReady: vi.fn(), onUpdateReady: vi.fn() };
    await registerServiceWorker(events, 'https://a.example/', f.container);
    f.install();
    expect(events.onOfflineReady).toHaveBeenCalledOnce();
    expect(events.onUpdateReady).not.toHaveBeenCalled();
  });

  it('offers a waiting new version, and only switches (then reloads once) when asked', async () => {
    const f = fakeContainer({ controller: true });
    const reload = vi.fn();
    let apply: (() => void) | null = null;
    await registerServiceWorker({ onOfflineReady: vi.fn(), onUpdateReady: (a) => (apply = a) }, 'https://a.example/', f.container, reload);
    f.install();
    expect(apply).not.toBeNull();
    expect(f.waiting.postMessage).not.toHaveBeenCalled();
    apply!();
    expect(f.waiting.postMessage).toHaveBeenCalledWith({ type: 'SKIP_WAITING' });
    expect(reload).not.toHaveBeenCalled();
    f.containerListeners.controllerchange();
    expect(reload).toHaveBeenCalledOnce();
  });

  it('offers a version that was already waiting from an earlier visit', async () => {
    const f = fakeContainer({ controller: true, waiting: true });
    const onUpdateReady = vi.fn();
    await registerServiceWorker({ onOfflineReady: vi.fn(), onUpdateReady }, 'https://a.example/', f.container);
    expect(onUpdateReady).toHaveBeenCalledOnce();
  });

  it('does nothing without service workers (plain http, old browsers): the app still runs online', async () => {
    await expect(registerServiceWorker({ onOfflineReady: vi.fn(), onUpdateReady: vi.fn() }, 'http://a.example/', undefined)).resolves.toBeUndefined();
  });
});
