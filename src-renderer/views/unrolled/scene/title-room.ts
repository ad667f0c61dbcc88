import type { ChainLayout } from '../layout';
import { EM_PER_HEIGHT, MIN_LABEL_PX, MIN_LABEL_PX_LARGE } from './label-layer';
import { TITLE_CLEAR, TITLE_SCALE } from '../row-titles';
import { labelHeight } from './label-writer';

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

/**
 * The room for `layout`'s row titles: its box as the scene frames it (at most `windowSteps` steps wide), a view of
 * `viewW` × `viewH` CSS px, the widest title `titleEm` ems wide, at the normal or the large label size.
 */
export function titleRoomFor(layout: ChainLayout, windowSteps: number, viewW: number, viewH: number, titleEm: number, large: boolean): number {
  const b = layout.bounds;
  return titleRoom({
    boxW: Math.min(b.maxX - b.minX, layout.spacing * windowSteps) + 0.8,
    boxH: b.maxY - b.minY + 0.8,
    viewW,
    viewH,
    titleEm,
    emWorld: labelHeight(large) * TITLE_SCALE * EM_PER_HEIGHT,
    minPx: large ? MIN_LABEL_PX_LARGE : MIN_LABEL_PX,
    // From the first copy's left edge to the titles' right end (they end clear of its gradient marker), and a margin.
    gap: layout.spacing / 2 + TITLE_CLEAR - layout.cellWidth / 2 + 0.3,
  });
}
