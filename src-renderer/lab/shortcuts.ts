export type LabShortcut = 'toggle' | 'step' | 'reset';

/** The parts of a KeyboardEvent the mapping looks at. */
export interface KeyLike {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly repeat?: boolean;
  readonly target: EventTarget | null;
}

/** Elements that use these keys themselves: typing, pressing a focused button, choosing an option. */
const OWN_KEYS = 'input, textarea, select, button, a[href], summary, [contenteditable=""], [contenteditable="true"], [role="radio"], [role="slider"]';

/**
 * Space trains/pauses, S steps once, R resets — unless a modifier is held or the focused element
 * would handle the key itself (so typing a seed or pressing a focused button never doubles up).
 */
export function shortcutFor(e: KeyLike): LabShortcut | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return null;
  const target = e.target as Element | null;
  if (target && typeof target.closest === 'function' && target.closest(OWN_KEYS)) return null;
  switch (e.key) {
    case ' ':
      return 'toggle';
    case 's':
    case 'S':
      return 'step';
    case 'r':
    case 'R':
      return 'reset';
    default:
      return null;
  }
}
