import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { StorageStatus } from '../../src-shared/protocol/ipc-contract';
import { ElectronBackend } from '../backend/electron-backend';
import { locale } from '../i18n/i18n.svelte';
import Notices from '../shell/Notices.svelte';
import { fakeBridge } from '../testing/fake-bridge';
import { AppState, noticeText } from './app-state.svelte';

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
  locale.set('en');
});

const full: StorageStatus = { mode: 'read-only', reason: 'unwritable', code: 'ENOSPC', detail: 'ENOSPC: no space left on device' };

describe('the read-only mode is announced', () => {
  it('a folder that cannot be written becomes one alert that says why and that nothing is saved', () => {
    const state = new AppState();
    state.notifyStorage(full);
    state.notifyStorage(full);
    const target = document.body.appendChild(document.createElement('div'));
    app = mount(Notices, { target, props: { get notices() { return state.notices; }, ondismiss: (id: number) => state.dismiss(id) } });
    const alerts = target.querySelectorAll('[role="alert"]');
    expect(alerts).toHaveLength(1);
    expect(alerts[0].textContent).toMatch(/read-only/);
    expect(alerts[0].textContent).toMatch(/the disk is full/);
    expect(alerts[0].textContent).toMatch(/not saved/);
  });

  it('another instance holding the folder is named; saving again replaces the warning', () => {
    const state = new AppState();
    state.notifyStorage({ mode: 'read-only', reason: 'locked', heldBy: 4242 });
    expect(state.notices.map(noticeText)).toEqual([expect.stringMatching(/Another RNN Lab.*4242.*read-only/)]);
    state.notifyStorage({ mode: 'writable' });
    expect(state.notices).toHaveLength(1);
    expect(state.notices[0]).toMatchObject({ tone: 'info' });
    expect(noticeText(state.notices[0])).toMatch(/saved again/);
    // A writable store at launch says nothing.
    const quiet = new AppState();
    quiet.notifyStorage({ mode: 'writable' });
    expect(quiet.notices).toEqual([]);
  });

  it('speaks French when the learner does', () => {
    locale.set('fr');
    const state = new AppState();
    state.notifyStorage({ ...full, code: 'EROFS' });
    expect(noticeText(state.notices[0])).toMatch(/lecture seule/);
  });

  it('the desktop backend asks main for the status and passes on its changes', async () => {
    const { bridge, emit } = fakeBridge({ storageStatus: full });
    const backend = new ElectronBackend(bridge);
    expect(await backend.docs.status()).toEqual(full);
    const seen: StorageStatus[] = [];
    backend.docs.onStatus((s) => seen.push(s));
    emit('storageStatus', { mode: 'writable' });
    expect(seen).toEqual([{ mode: 'writable' }]);
    backend.dispose();
    flushSync();
  });
});
