import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActionResult, PresenterState } from '../../src-shared/protocol/ipc-contract';
import { problem } from '../../src-shared/protocol/problem';
import { Listeners, type Backend, type PresenterLink } from '../backend/backend';
import { locale, t } from '../i18n/i18n.svelte';
import { SECTIONS } from '../lesson/sections';
import AudienceView from './AudienceView.svelte';
import PresenterView from './PresenterView.svelte';

function fakeLink(openResult: ActionResult = { ok: true }) {
  const states = new Listeners<PresenterState>();
  const closed = new Listeners<void>();
  const link = {
    openAudience: vi.fn(async () => openResult),
    sync: vi.fn<(state: PresenterState) => void>(),
    onState: (l: (s: PresenterState) => void) => states.add(l),
    onAudienceClosed: (l: () => void) => closed.add(l),
  } satisfies PresenterLink;
  return { link, states, closed };
}

const facts = { I: 4, O: 2, H: 24, engineCount: 2500 };
let component: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (component) unmount(component);
  component = null;
  document.body.innerHTML = '';
});

const press = (key: string) => {
  window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  flushSync();
};
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('PresenterView with a second screen', () => {
  it('shows no second-screen button in the browser build (no link)', () => {
    component = mount(PresenterView, { target: document.body, props: { sections: SECTIONS, facts, demoSeed: 1, start: 0, onexit: () => {} } });
    expect(document.querySelector('[data-testid="presenter-show-audience"]')).toBeNull();
  });

  it('opens the audience window, syncs every slide and blank change, and shows notes, next title and timer', async () => {
    const { link, closed } = fakeLink();
    component = mount(PresenterView, { target: document.body, props: { sections: SECTIONS, facts, demoSeed: 1, start: 0, link, onexit: () => {} } });
    expect(link.sync).not.toHaveBeenCalled();
    document.querySelector<HTMLButtonElement>('[data-testid="presenter-show-audience"]')!.click();
    await tick();
    flushSync();
    expect(link.openAudience).toHaveBeenCalledOnce();
    const pages = Number(/of (\d+)$/.exec(document.querySelector('.count')?.textContent ?? '')?.[1] ?? 1);
    expect(link.sync).toHaveBeenLastCalledWith({ slide: 0, step: 0, lastStep: pages === 1, blank: false });
    expect(document.querySelector('[data-testid="presenter-notes"]')?.textContent).toBe(t(SECTIONS[0].notes));
    expect(document.querySelector('[data-testid="presenter-console"]')?.textContent).toContain(t('ui.present.next', { title: t(SECTIONS[1].title) }));
    expect(document.querySelector('[data-testid="presenter-elapsed"]')?.textContent).toBe(t('ui.present.elapsed', { time: '0:00' }));

    // The clicker walks the slide's pages (its prose, then its live view), each synced, before the next slide.
    for (let i = 1; i < pages; i++) {
      press('PageDown');
      expect(link.sync).toHaveBeenLastCalledWith({ slide: 0, step: i, lastStep: i === pages - 1, blank: false });
    }
    press('PageDown');
    expect(link.sync).toHaveBeenLastCalledWith({ slide: 1, step: 0, lastStep: expect.any(Boolean), blank: false });
    press('b');
    expect(link.sync).toHaveBeenLastCalledWith({ slide: 1, step: 0, lastStep: expect.any(Boolean), blank: true });
    // The presenter keeps their slide and notes while the room's screen is blank.
    expect(document.querySelector('[data-testid="presenter-blank"]')).toBeNull();
    expect(document.querySelector('[data-testid="presenter-notes"]')).not.toBeNull();

    closed.emit();
    flushSync();
    expect(document.querySelector('[data-testid="presenter-console"]')).toBeNull();
    expect(document.querySelector('[data-testid="presenter-show-audience"]')).not.toBeNull();
    const calls = link.sync.mock.calls.length;
    press('PageDown');
    expect(link.sync.mock.calls.length).toBe(calls);
  });

  it('reports a window that could not be opened', async () => {
    const { link } = fakeLink({ ok: false, problem: problem('presenter.notPresenter', undefined, 'only the presenter window can open the audience window') });
    component = mount(PresenterView, { target: document.body, props: { sections: SECTIONS, facts, demoSeed: 1, start: 0, link, onexit: () => {} } });
    document.querySelector<HTMLButtonElement>('[data-testid="presenter-show-audience"]')!.click();
    await tick();
    flushSync();
    expect(document.body.textContent).toContain('The second screen could not be opened: only the presenter window can open the audience window');
    locale.set('fr');
    flushSync();
    expect(document.body.textContent).toContain('Impossible d’ouvrir le second écran\u00a0: seule la fenêtre du présentateur peut ouvrir la fenêtre du public');
    locale.set('en');
    expect(link.sync).not.toHaveBeenCalled();
  });
});

describe('AudienceView', () => {
  it('waits for the presenter, then follows its slide and blank screen, without notes or controls', () => {
    const { link, states } = fakeLink();
    const backend = { presenter: link } as unknown as Backend;
    component = mount(AudienceView, { target: document.body, props: { backend } });
    flushSync();
    expect(document.body.textContent).toContain(t('ui.present.waiting'));
    states.emit({ slide: 2, blank: false });
    flushSync();
    expect(document.querySelector('h1')?.textContent).toBe(t(SECTIONS[2].title));
    expect(document.querySelector('[data-testid="audience"]')?.getAttribute('data-slide')).toBe('2');
    expect(document.querySelectorAll('button')).toHaveLength(0);
    expect(document.querySelector('[data-testid="presenter-notes"]')).toBeNull();
    states.emit({ slide: 2, blank: true });
    flushSync();
    expect(document.querySelector('[data-testid="audience-blank"]')).not.toBeNull();
    expect(document.querySelector('h1')).toBeNull();
  });
});
