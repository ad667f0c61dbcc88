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

/**
 * The page the audience shows within its slide: the presenter's page, except that the presenter's last page (the live
 * view) is the audience's last page too, and no earlier page goes past the audience's last prose page (its larger
 * type may cut the slide into more or fewer pages than the presenter's screen does).
 */
export function audiencePage(step: number | undefined, lastStep: boolean | undefined, pages: number): number {
  const last = Math.max(0, pages - 1);
  if (lastStep) return last;
  return Math.max(0, Math.min(Math.max(0, last - 1), Math.floor(step ?? 0)));
}
