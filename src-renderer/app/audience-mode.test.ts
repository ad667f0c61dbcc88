import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import { t } from '../i18n/i18n.svelte';
import { SECTIONS } from '../lesson/sections';
import { fakeBridge } from '../testing/fake-bridge';


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
    const { bridge, emit } = fakeBridge({ requestTrainerPort: { ok: false } });
    Object.defineProperty(window, 'rnnLab', { value: bridge, configurable: true });
    history.replaceState(null, '', '#present-audience');
    app = mount(App, { target: document.body });
    await vi.waitFor(() => expect(document.querySelector('[data-testid="audience"]')).not.toBeNull(), { timeout: 50_000 }); // first load transforms the lazily loaded lesson modules

    expect(document.querySelector('header')).toBeNull();
    expect(document.querySelector('nav')).toBeNull();
    emit('presenterState', { slide: 1, blank: false });
    flushSync();
    expect(document.querySelector('h1')?.textContent).toBe(t(SECTIONS[1].title));
    const audience = () => document.querySelector<HTMLElement>('[data-testid="audience"]')!;
    expect(audience().dataset.step).toBe('0');
    // The presenter's page within the slide: its last page (the live view) is the audience's last page too.
    emit('presenterState', { slide: 1, step: 5, lastStep: true, blank: false });
    flushSync();
    const pages = Number(/of (\d+)$/.exec(audience().querySelector('.count')?.textContent ?? '')?.[1] ?? 1);
    expect(audience().dataset.step).toBe(String(pages - 1));
    emit('presenterState', { slide: 1, step: 0, lastStep: false, blank: false });
    flushSync();
    expect(audience().dataset.step).toBe('0');
    expect(location.hash).toBe('#present-audience');
    expect(bridge.saveDoc).not.toHaveBeenCalled();
  }, 60_000);
});
