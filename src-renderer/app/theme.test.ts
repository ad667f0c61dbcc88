import { describe, expect, it } from 'vitest';
import { overrideAppearance } from './theme';

describe('overrideAppearance(root, override)', () => {
  it('pins the policy’s presenter palette and text size, then restores the learner’s own', () => {
    const root = document.createElement('html');
    root.dataset.theme = 'dark';
    const restore = overrideAppearance(root, { theme: 'contrast', largeText: true });
    expect(root.dataset.theme).toBe('contrast');
    expect(root.classList.contains('large-text')).toBe(true);
    restore();
    expect(root.dataset.theme).toBe('dark');
    expect(root.classList.contains('large-text')).toBe(false);
  });

  it('leaves what the override does not name, and restores "system" as no attribute', () => {
    const root = document.createElement('html');
    root.classList.add('large-text');
    const restore = overrideAppearance(root, {});
    expect(root.dataset.theme).toBeUndefined();
    expect(root.classList.contains('large-text')).toBe(true);
    overrideAppearance(root, { theme: 'light' });
    restore();
    expect(root.dataset.theme).toBeUndefined();
  });
});
