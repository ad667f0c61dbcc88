import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunDocKind } from '../../src-shared/protocol/run-docs';
import type { DocKind, SaveResult } from '../../src-shared/protocol/ipc-contract';
import type { DocTypes } from '../../src-shared/protocol/documents';
import { Listeners, type DocLoad, type DocStore, type QuarantineNotice } from '../backend/backend';
import Notices from '../shell/Notices.svelte';
import TopNav from '../shell/TopNav.svelte';
import { AppState, noticeText } from './app-state.svelte';
import { SAVE_DELAY_MS, SettingsState, defaultSettings } from './settings-state.svelte';
import { applyAppearance } from './theme';

class MemoryDocs implements DocStore {
  stored: Partial<Record<DocKind, unknown>> = {};
  loadResult: DocLoad<'settings'> | null = null;
  readonly quarantined = new Listeners<QuarantineNotice>();
  async load<K extends DocKind>(kind: K): Promise<DocLoad<K>> {
    if (this.loadResult) return this.loadResult as DocLoad<K>;
    return { ok: true, value: (this.stored[kind] as DocTypes[K] | undefined) ?? null };
  }
  async save<K extends DocKind>(kind: K, value: DocTypes[K]): Promise<SaveResult> {
    this.stored[kind] = structuredClone(value);
    return { ok: true };
  }
  async remove(kind: RunDocKind): Promise<SaveResult> {
    delete this.stored[kind];
    return { ok: true };
  }
  onQuarantined(listener: (n: QuarantineNotice) => void) {
    return this.quarantined.add(listener);
  }
  async status() {
    return { mode: 'writable' as const };
  }
  onStatus() {
    return () => {};
  }
}

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('SettingsState', () => {
  it('loads the stored document and writes edits back after they settle', async () => {
    vi.useFakeTimers();
    const docs = new MemoryDocs();
    docs.stored.settings = { ...defaultSettings(), theme: 'dark' };
    const settings = new SettingsState(docs);
    expect(await settings.load()).toBeNull();
    expect(settings.value.theme).toBe('dark');
    settings.update({ theme: 'contrast' });
    settings.rememberConfig({ ...settings.value.lastConfig, hiddenSize: 64 });
    expect((docs.stored.settings as DocTypes['settings']).theme).toBe('dark');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS + 10);
    expect(docs.stored.settings).toMatchObject({ theme: 'contrast', lastConfig: { hiddenSize: 64 } });
    expect(settings.savedCount).toBe(1);
  });

  it('keeps the defaults when the document cannot be read', async () => {
    const docs = new MemoryDocs();
    const fire = { code: 'storage.unreadable' as const, detail: 'disk on fire' };
    docs.loadResult = { ok: false, problem: fire };
    const settings = new SettingsState(docs);
    expect(await settings.load()).toEqual({ problem: fire, quarantinedTo: undefined });
    expect(settings.value).toEqual(defaultSettings());
  });
});

describe('applyAppearance', () => {
  it("pins a palette with data-theme, or removes it for 'system'", () => {
    const root = document.createElement('html');
    applyAppearance(root, { theme: 'dark', largeText: true, reducedMotion: 'on' });
    expect(root.dataset.theme).toBe('dark');
    expect(root.classList.contains('large-text')).toBe(true);
    expect(root.dataset.motion).toBe('reduced');
    applyAppearance(root, { theme: 'system', largeText: false, reducedMotion: 'system' });
    expect(root.dataset.theme).toBeUndefined();
    expect(root.dataset.motion).toBeUndefined();
  });
});

describe('AppState and the shell', () => {
  it('starts on the screen named in the hash, else the lesson', () => {
    expect(new AppState('#quiz').screen).toBe('quiz');
    expect(new AppState('#nowhere').screen).toBe('lesson');
  });

  it('TopNav marks exactly the current screen with aria-current', () => {
    const target = document.body.appendChild(document.createElement('div'));
    app = mount(TopNav, { target, props: { current: 'lab' } });
    const current = [...target.querySelectorAll('a[aria-current="page"]')].map((a) => a.textContent);
    expect(current).toEqual(['Lab']);
    expect([...target.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['#lesson', '#lab', '#gradients', '#quiz']);
  });

  it('a quarantine becomes one dismissable alert', () => {
    const state = new AppState();
    const notice = { kind: 'settings' as const, movedTo: 'quarantine/1', problem: { code: 'storage.invalid' as const, detail: 'theme: bad' } };
    state.notifyQuarantine(notice);
    state.notifyQuarantine(notice);
    const target = document.body.appendChild(document.createElement('div'));
    app = mount(Notices, { target, props: { get notices() { return state.notices; }, ondismiss: (id: number) => state.dismiss(id) } });
    const alerts = target.querySelectorAll('[role="alert"]');
    expect(alerts).toHaveLength(1);
    expect(alerts[0].textContent).toContain('settings could not be read');
    expect(alerts[0].textContent).toContain('could not be read: it does not match the expected format (the details are in the console).');
    expect(alerts[0].textContent).not.toContain('theme: bad');
    expect(alerts[0].textContent).toContain('defaults are in use');
    const other = new AppState();
    other.notifyQuarantine({ ...notice, kind: 'progress', restored: true });
    expect(noticeText(other.notices.at(-1)!)).toMatch(/moved aside to quarantine\/1 and the previously saved version is back in use\.$/);
    (alerts[0].querySelector('button') as HTMLButtonElement).click();
    flushSync();
    expect(target.querySelectorAll('[role="alert"]')).toHaveLength(0);
  });
});
