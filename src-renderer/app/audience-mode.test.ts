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
    expect(location.hash).toBe('#present-audience');
    expect(bridge.saveDoc).not.toHaveBeenCalled();
  }, 60_000);
});
