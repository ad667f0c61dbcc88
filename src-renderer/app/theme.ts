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

/**
 * Pin a palette and/or large text on the root for a while (presenter mode under a school policy), and return the
 * function that puts the learner's own appearance back.
 */
export function overrideAppearance(root: HTMLElement, override: { theme?: 'light' | 'dark' | 'contrast'; largeText?: boolean }): () => void {
  const theme = root.dataset.theme;
  const large = root.classList.contains('large-text');
  if (override.theme) root.dataset.theme = override.theme;
  if (override.largeText !== undefined) root.classList.toggle('large-text', override.largeText);
  return () => {
    if (theme === undefined) delete root.dataset.theme;
    else root.dataset.theme = theme;
    root.classList.toggle('large-text', large);
  };
}
