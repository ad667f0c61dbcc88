/**
 * How much room (world units) to frame left of the chain for row titles drawn beside the rows. A label is at least
 * `minPx` on screen, so its size in world units depends on how far the camera ends up, which depends on how wide the
 * framed box is: a few rounds of that fixed point settle it. Estimated for a head-on view (the framer fills
 * FRAME_FILL of the view with the box); the angled and above views differ a little, inside the margin.
 */

/** Share of the view the framed box fills (CameraFramer's margin). */
const FRAME_FILL = 0.94;

export interface TitleRoomInput {
  /** The chain's framed box, world units, without the titles' room. */
  readonly boxW: number;
  readonly boxH: number;
  /** The view, CSS px. */
  readonly viewW: number;
  readonly viewH: number;
  /** The widest title, in ems. */
  readonly titleEm: number;
  /** The titles' em in world units before the smallest size applies, and that smallest size (CSS px). */
  readonly emWorld: number;
  readonly minPx: number;
  /** World units between the chain's left edge and the titles' right end, plus a margin. */
  readonly gap: number;
}

export function titleRoom(i: TitleRoomInput): number {
  let room = i.gap;
  for (let k = 0; k < 4; k++) {
    const pxPerWorld = FRAME_FILL * Math.min(i.viewH / i.boxH, i.viewW / (i.boxW + room));
    room = i.titleEm * Math.max(i.emWorld, i.minPx / pxPerWorld) + i.gap;
  }
  return room;
}
