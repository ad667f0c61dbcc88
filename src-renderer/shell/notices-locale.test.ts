import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { validatePolicy } from '../../src-shared/protocol/policy';
import { AppState } from '../app/app-state.svelte';
import { locale } from '../i18n/i18n.svelte';
import Notices from './Notices.svelte';

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  locale.set('en');
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
});

const texts = (root: HTMLElement) => [...root.querySelectorAll('[data-testid="notice"] p')].map((p) => p.textContent ?? '');

describe('the notices bar follows the language', () => {
  it('rewords every notice already shown, with the problems inside them, when the locale changes', () => {
    const state = new AppState();
    state.notifyQuarantine({ kind: 'settings', movedTo: 'settings.corrupt-1.json', problem: { code: 'storage.notJson', detail: 'settings.json is not valid JSON (Unexpected end)' } });
    state.notifyStorage({ mode: 'read-only', reason: 'unwritable', code: 'ENOSPC', detail: 'ENOSPC: no space left on device' });
    state.notify('warning', 'ui.policy.issues', { source: 'policy.json', issues: validatePolicy({ saving: 'yes', savng: false }).issues });
    const target = document.body.appendChild(document.createElement('div'));
    app = mount(Notices, { target, props: { get notices() { return state.notices; }, ondismiss: (id: number) => state.dismiss(id) } });
    flushSync();
    const en = texts(target);
    expect(en).toHaveLength(3);
    expect(en[0]).toContain('Your saved settings could not be read: the saved file is damaged: it is not valid JSON.');
    expect(en[1]).toContain('Your work cannot be saved: the disk is full.');
    expect(en[2]).toContain('“saving” must be true or false');

    locale.set('fr');
    flushSync();
    const fr = texts(target);
    expect(fr[0]).toContain('Impossible de lire vos réglages enregistrés\u00a0: le fichier enregistré est abîmé');
    expect(fr[1]).toContain('Votre travail ne peut pas être enregistré\u00a0: le disque est plein.');
    expect(fr[2]).toContain('\u202f; «');
    for (const [i, text] of fr.entries()) {
      expect(text).not.toBe(en[i]);
      expect(text).not.toMatch(/could not|cannot be saved|must be true or false|Unexpected end|ENOSPC/);
    }

    locale.set('es');
    flushSync();
    expect(texts(target)[1]).toContain('Tu trabajo no se puede guardar: el disco está lleno.');
  });
});
