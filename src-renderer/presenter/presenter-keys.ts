/** What a key does in presenter mode. Clickers send PageUp/PageDown (some send arrows or B for "blank"). */
export type PresenterAction = 'next' | 'previous' | 'blank' | 'notes' | 'exit' | 'first' | 'last';

export function presenterAction(e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>): PresenterAction | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  switch (e.key) {
    case 'PageDown':
    case 'ArrowRight':
    case 'ArrowDown':
    case ' ':
      return 'next';
    case 'PageUp':
    case 'ArrowLeft':
    case 'ArrowUp':
      return 'previous';
    case 'b':
    case 'B':
    case '.':
      return 'blank';
    case 'n':
    case 'N':
      return 'notes';
    case 'Escape':
      return 'exit';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}

/** Slide index after an action, clamped to the deck. */
export function moveSlide(index: number, action: PresenterAction, count: number): number {
  switch (action) {
    case 'next':
      return Math.min(count - 1, index + 1);
    case 'previous':
      return Math.max(0, index - 1);
    case 'first':
      return 0;
    case 'last':
      return Math.max(0, count - 1);
    default:
      return index;
  }
}
