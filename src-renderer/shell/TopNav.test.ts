import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { isScreenId, SCREENS } from '../app/app-state.svelte';
import { locale } from '../i18n/i18n.svelte';
import TopNav from './TopNav.svelte';

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  locale.set('en');
  document.body.innerHTML = '';
});

describe('the screens and their navigation', () => {
  it('SCREENS lists ids only (no English labels beside the catalogue), and isScreenId accepts exactly those', () => {
    expect(SCREENS).toEqual(['lesson', 'lab', 'gradients', 'quiz']);
    expect(SCREENS.every(isScreenId)).toBe(true);
    expect(isScreenId('settings')).toBe(false);
  });

  it('TopNav names every screen from the catalogue of the current locale and marks the current one', () => {
    locale.set('fr');
    const target = document.body.appendChild(document.createElement('div'));
    app = mount(TopNav, { target, props: { current: 'lab' } });
    flushSync();
    const links = [...target.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#lesson', '#lab', '#gradients', '#quiz']);
    expect(links[0].textContent).toBe('Leçon');
    expect(links.find((a) => a.getAttribute('aria-current') === 'page')?.getAttribute('href')).toBe('#lab');
  });
});
