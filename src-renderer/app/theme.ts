import type { Settings } from '../../src-shared/protocol/documents';

/**
 * Reflect appearance settings on the root element. 'system' removes the attribute so the
 * prefers-color-scheme media query decides; the others pin a palette.
 */
export function applyAppearance(root: HTMLElement, settings: Pick<Settings, 'theme' | 'largeText' | 'reducedMotion'>): void {
  if (settings.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = settings.theme;
  root.classList.toggle('large-text', settings.largeText);
  if (settings.reducedMotion === 'system') delete root.dataset.motion;
  else root.dataset.motion = settings.reducedMotion === 'on' ? 'reduced' : 'full';
}
