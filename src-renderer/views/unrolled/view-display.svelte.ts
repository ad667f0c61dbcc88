import { darkTheme, displayPrefs, systemDark, systemReducedMotion, watchTheme } from './display-prefs';

/**
 * The view's display settings: they start from the app's (document root) and the system's, then the learner can
 * toggle large labels and high contrast; light or dark follows the app's theme live (`follow`).
 */
export class ViewDisplay {
  dark = $state(false);
  largeLabels = $state(false);
  highContrast = $state(false);
  /** Animations jump instead of easing (fixed at mount). */
  readonly reducedMotion: boolean;
  readonly #root: HTMLElement | null;

  constructor(root: HTMLElement | null = typeof document !== 'undefined' ? document.documentElement : null) {
    this.#root = root;
    const prefs = displayPrefs(root, systemReducedMotion());
    this.dark = darkTheme(root, systemDark());
    this.largeLabels = prefs.largeLabels;
    this.highContrast = prefs.highContrast;
    this.reducedMotion = prefs.reducedMotion;
  }

  /** Follow the app's light, dark and contrast themes until the returned function is called (for an $effect). */
  follow(): (() => void) | undefined {
    const root = this.#root;
    if (!root) return undefined;
    return watchTheme(root, () => {
      this.dark = darkTheme(root, systemDark());
      if (root.dataset.theme === 'contrast') this.highContrast = true;
    });
  }
}
