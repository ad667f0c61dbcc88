import { AUDIENCE_HASH } from '../../src-shared/protocol/ipc-contract';

/**
 * Presenter mode across two windows (desktop only): the main window presents, a second window opened at
 * `#present-audience` shows the slides to the room. Pure helpers, unit-tested.
 */

/** Does this location hash ask for the audience view (slides only, no app chrome)? */
export function isAudienceHash(hash: string): boolean {
  return hash.replace(/^#\/?/, '') === AUDIENCE_HASH.slice(1);
}

/** Presenter timer text: m:ss under an hour, h:mm:ss after. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** The slide the audience shows for a synced index, clamped to this deck (the two windows could differ). */
export function audienceSlide(slide: number, count: number): number {
  return Math.max(0, Math.min(count - 1, Math.floor(slide)));
}
