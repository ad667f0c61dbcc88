import { describe, expect, it } from 'vitest';
import { displayPrefs } from './display-prefs';

function root(opts: { large?: boolean; theme?: string; motion?: string }): HTMLElement {
  const el = document.createElement('html');
  if (opts.large) el.classList.add('large-text');
  if (opts.theme) el.dataset.theme = opts.theme;
  if (opts.motion) el.dataset.motion = opts.motion;
  return el;
}

describe('displayPrefs', () => {
  it('starts from the app: large text and the contrast theme', () => {
    expect(displayPrefs(root({ large: true, theme: 'contrast' }), false)).toEqual({ largeLabels: true, highContrast: true, reducedMotion: false });
    expect(displayPrefs(root({ theme: 'dark' }), false)).toEqual({ largeLabels: false, highContrast: false, reducedMotion: false });
  });

  it("reduced motion: the app's choice wins, else the system's", () => {
    expect(displayPrefs(root({ motion: 'reduced' }), false).reducedMotion).toBe(true);
    expect(displayPrefs(root({ motion: 'full' }), true).reducedMotion).toBe(false);
    expect(displayPrefs(root({ motion: 'system' }), true).reducedMotion).toBe(true);
    expect(displayPrefs(root({}), false).reducedMotion).toBe(false);
  });

  it('without a document every setting is off, except what the system asks', () => {
    expect(displayPrefs(null, true)).toEqual({ largeLabels: false, highContrast: false, reducedMotion: true });
  });
});
