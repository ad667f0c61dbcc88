/** What the view's keys drive. */
export interface KeyedPlayback {
  stepBy(delta: number): void;
  toggle(): void;
}

/**
 * The view's own keys, like a slider's: ← and → (and a clicker's PageUp / PageDown) move through time, space plays or pauses. Keys typed into the
 * view's inputs, selects and buttons are theirs. True when the key was handled: the caller then keeps it from
 * reaching the Lab (whose Space trains or pauses).
 */
export function playbackKey(e: Pick<KeyboardEvent, 'key' | 'target'>, playback: KeyedPlayback): boolean {
  if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLButtonElement) return false;
  // PageDown / PageUp: what a presenter's clicker sends.
  if (e.key === 'ArrowRight' || e.key === 'PageDown') playback.stepBy(1);
  else if (e.key === 'ArrowLeft' || e.key === 'PageUp') playback.stepBy(-1);
  else if (e.key === ' ') playback.toggle();
  else return false;
  return true;
}
