/** The view's starting display settings, taken from the app's own (the learner can then toggle them). */
export interface DisplayPrefs {
  readonly largeLabels: boolean;
  readonly highContrast: boolean;
  /** Animations jump instead of easing: the app's choice, or the system's when the app says 'system'. */
  readonly reducedMotion: boolean;
}

/**
 * Read the app's settings from the document root (class large-text, data-theme="contrast",
 * data-motion="reduced" | "full") and the system's prefers-reduced-motion.
 */
export function displayPrefs(root: HTMLElement | null, systemReducedMotion: boolean): DisplayPrefs {
  const motion = root?.dataset.motion;
  return {
    largeLabels: root?.classList.contains('large-text') ?? false,
    highContrast: root?.dataset.theme === 'contrast',
    reducedMotion: motion === 'reduced' || (motion !== 'full' && systemReducedMotion),
  };
}

/** The system asks for reduced motion (false where matchMedia is missing). */
export function systemReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * The app draws on a dark background: data-theme="dark" or "contrast" (black), or no theme pinned and the
 * system asks for dark.
 */
export function darkTheme(root: HTMLElement | null, systemDark: boolean): boolean {
  const theme = root?.dataset.theme;
  if (theme === 'dark' || theme === 'contrast') return true;
  return theme === undefined && systemDark;
}

/** The system asks for a dark colour scheme (false where matchMedia is missing). */
export function systemDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}

/** Call `onchange` whenever the app's theme or the system's colour scheme changes; returns the unsubscribe. */
export function watchTheme(root: HTMLElement, onchange: () => void): () => void {
  const observer = new MutationObserver(onchange);
  observer.observe(root, { attributes: true, attributeFilter: ['data-theme', 'class'] });
  const mq = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
  mq?.addEventListener('change', onchange);
  return () => {
    observer.disconnect();
    mq?.removeEventListener('change', onchange);
  };
}
