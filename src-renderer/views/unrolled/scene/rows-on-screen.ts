import { Vector3, type PerspectiveCamera } from 'three';
import { isCopy } from '../chain-rows';
import { CELL_H, type ChainLayout } from '../layout';

/** One row of copies on screen (CSS px, unrolled places). */
export interface RowOnScreen {
  /** Node kind of the row's copies (NODE_CELL, NODE_BACK, NODE_LOWER, NODE_LOWER_BACK). */
  readonly kind: number;
  /** Copies in the row. */
  readonly n: number;
  /** Centres of its first and last copy. */
  readonly x0: number;
  readonly x1: number;
  /** Top and bottom of the row. */
  readonly y0: number;
  readonly y1: number;
  /** Half the width of a copy. */
  readonly hw: number;
}

/**
 * Each row of copies as `camera` sees it in a view `width` × `height` CSS px: what a pixel test needs to look at
 * every copy of every row (the view writes it to its host's dataset after each draw).
 */
export function rowsOnScreen(layout: ChainLayout, camera: PerspectiveCamera, width: number, height: number): RowOnScreen[] {
  const rows = new Map<number, { n: number; first: number; last: number }>();
  for (let i = 0; i < layout.nodeCount; i++) {
    const kind = layout.nodeKind[i];
    if (!isCopy(kind)) continue;
    const r = rows.get(kind);
    if (r) {
      r.n++;
      r.last = i;
    } else rows.set(kind, { n: 1, first: i, last: i });
  }
  const v = new Vector3();
  const screen = (i: number, dx: number, dy: number) => {
    v.set(layout.unrolled[i * 3] + dx, layout.unrolled[i * 3 + 1] + dy, 0).project(camera);
    return [((v.x + 1) / 2) * width, ((1 - v.y) / 2) * height];
  };
  return [...rows.entries()].map(([kind, { n, first, last }]) => {
    const [x0, y0] = screen(first, 0, CELL_H / 2), [x1, y1] = screen(last, 0, -CELL_H / 2);
    const hw = screen(first, layout.cellWidth / 2, 0)[0] - screen(first, 0, 0)[0];
    return { kind, n, x0, x1, y0, y1, hw };
  });
}
