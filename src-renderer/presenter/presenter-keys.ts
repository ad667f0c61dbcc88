/**
 * What a key does in presenter mode. Clickers send PageUp/PageDown (some send arrows), B or "." for "blank", and
 * F5 / Escape from their "start show" button (pressed again, it sends the other). So F5 opens the speaker notes and
 * Escape ('exit') first closes open notes (see `exitCloses`), leaving presenter mode only when they are closed: that
 * button toggles the notes without ending the show by surprise.
 */
export type PresenterAction = 'next' | 'previous' | 'blank' | 'notes' | 'notesOpen' | 'exit' | 'first' | 'last';

/** What 'exit' does: close the speaker notes when they are open on this screen, else leave presenter mode. */
export function exitCloses(notesOpen: boolean, linked: boolean): 'notes' | 'presenter' {
  // With an audience window the notes are the console's and always shown: Escape leaves.
  return notesOpen && !linked ? 'notes' : 'presenter';
}

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
    case 'F5':
      return 'notesOpen';
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
