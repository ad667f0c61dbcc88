/**
 * Paint a dense grid into canvas ImageData: one pixel per cell, the canvas stretched by CSS.
 * Values map linearly onto the colour lookup table; NaN cells get the empty colour.
 */
import { EMPTY_CELL, LUT_SIZE } from './colour';

/** A rows × cols grid read through an accessor (row 0 is drawn at the top). */
export interface GridSource {
  readonly rows: number;
  readonly cols: number;
  value(r: number, c: number): number;
}

/** Smallest and largest finite value of the grid, or null when no cell has one. */
export function gridExtent(grid: GridSource): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = 0; r < grid.rows; r++) {
    for (let c = 0; c < grid.cols; c++) {
      const x = grid.value(r, c);
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Fill `data` (RGBA, rows × cols) from the grid; returns the number of cells with a value. */
export function fillPixels(
  data: Uint8ClampedArray,
  grid: GridSource,
  domain: readonly [number, number],
  lut: Uint8ClampedArray,
): number {
  const [lo, hi] = domain;
  const k = hi > lo ? (LUT_SIZE - 1) / (hi - lo) : 0;
  const { rows, cols } = grid;
  let filled = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const x = grid.value(r, c);
      const p = (r * cols + c) * 4;
      if (Number.isFinite(x)) {
        let i = Math.round((x - lo) * k);
        i = i < 0 ? 0 : i >= LUT_SIZE ? LUT_SIZE - 1 : i;
        data[p] = lut[i * 4];
        data[p + 1] = lut[i * 4 + 1];
        data[p + 2] = lut[i * 4 + 2];
        filled++;
      } else {
        data[p] = EMPTY_CELL[0];
        data[p + 1] = EMPTY_CELL[1];
        data[p + 2] = EMPTY_CELL[2];
      }
      data[p + 3] = 255;
    }
  }
  return filled;
}

const images = new WeakMap<HTMLCanvasElement, ImageData>();

/**
 * Paint the grid into the top `grid.rows` rows of a canvas that is `capacityRows` tall, so the canvas keeps
 * its size (no reallocation, no relayout) while a run's rows arrive; rows below the filled ones are cleared.
 * A canvas without a 2D context (tests) is left alone.
 */
export function paintGrid(
  canvas: HTMLCanvasElement,
  grid: GridSource,
  domain: readonly [number, number],
  lut: Uint8ClampedArray,
  capacityRows = grid.rows,
): number {
  const cols = Math.max(1, grid.cols);
  const cap = Math.max(1, capacityRows, grid.rows);
  if (canvas.width !== cols) canvas.width = cols;
  if (canvas.height !== cap) canvas.height = cap;
  const ctx = canvas.getContext('2d');
  if (!ctx) return 0;
  const rows = Math.min(grid.rows, cap);
  let image = images.get(canvas);
  if (!image || image.width !== cols || image.height !== cap) {
    image = ctx.createImageData(cols, cap);
    images.set(canvas, image);
  }
  const filled = fillPixels(image.data, { rows, cols: grid.cols, value: (r, c) => grid.value(r, c) }, domain, lut);
  ctx.clearRect(0, rows, cols, cap - rows);
  if (rows > 0) ctx.putImageData(image, 0, 0, 0, 0, cols, rows);
  return filled;
}
