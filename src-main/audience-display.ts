/**
 * Where the audience window goes in presenter mode. Pure (no electron import) so Node tests drive it;
 * audience-window.ts feeds it `screen.getAllDisplays()`.
 */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The slice of Electron's `Display` used here. */
export interface DisplayLike {
  readonly id: number;
  readonly bounds: Rect;
  /** True for a laptop's built-in panel (Electron reports it on some platforms). */
  readonly internal?: boolean;
}

export type AudiencePlacement =
  | { readonly fullscreen: true; readonly bounds: Rect; readonly displayId: number }
  | { readonly fullscreen: false };

/**
 * The external display for the audience: any display other than the presenter's, preferring one that is not a
 * built-in panel, then the largest. With a single display the audience window opens as an ordinary window
 * (fullscreen there would cover the presenter's own notes).
 */
export function chooseAudiencePlacement(displays: readonly DisplayLike[], presenterDisplayId: number | null): AudiencePlacement {
  const others = displays.filter((d) => d.id !== presenterDisplayId && d.bounds.width > 0 && d.bounds.height > 0);
  if (others.length === 0 || displays.length < 2) return { fullscreen: false };
  const area = (d: DisplayLike) => d.bounds.width * d.bounds.height;
  const best = [...others].sort((a, b) => Number(a.internal === true) - Number(b.internal === true) || area(b) - area(a))[0];
  return { fullscreen: true, bounds: best.bounds, displayId: best.id };
}
