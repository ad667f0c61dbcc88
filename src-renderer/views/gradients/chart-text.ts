/**
 * Text size in the Gradients charts. The charts are SVGs drawn in a fixed viewBox and scaled to their box, so a
 * font-size in user units shrinks with the chart; these helpers work back from the size a learner should see (at
 * least MIN_CHART_TEXT_PX CSS px, and CHART_TEXT_EM of the surrounding text, so "Larger text" and presenter mode
 * enlarge it) to the user units to draw in, the margins that leave room for it, and how many ticks fit without
 * their labels running into each other.
 */
import { select, type Axis, type AxisDomain } from 'd3';

/** Smallest chart text, in CSS px: tick labels, axis titles, legends. Readable from the back of a classroom. */
export const MIN_CHART_TEXT_PX = 12;
/** Chart text against the text around it (the lab's LossChart and RunsOverlay use the same max(12px, 0.85rem) in CSS). */
export const CHART_TEXT_EM = 0.85;
/** The user-unit font size the chart margins and spacings were laid out for. */
export const BASE_TEXT = 11;
/** Average advance of a character in a tick label, in em (system-ui digits are about 0.55 em). */
const CHAR_EM = 0.62;

/** The CSS px size of chart text next to text of `emPx`. */
export function chartTextPx(emPx: number): number {
  return Math.max(MIN_CHART_TEXT_PX, (Number.isFinite(emPx) ? emPx : 0) * CHART_TEXT_EM);
}

/** The font size in user units that shows as `cssPx` once a viewBox `viewWidth` wide is drawn `shownWidth` px wide. */
export function userTextSize(cssPx: number, viewWidth: number, shownWidth: number): number {
  return shownWidth > 0 && viewWidth > 0 ? (cssPx * viewWidth) / shownWidth : cssPx;
}

/** A chart's margins grown with its text (never shrunk below the layout's own). */
export function scaledMargin<M extends Record<string, number>>(margin: M, textSize: number): M {
  const k = Math.max(1, textSize / BASE_TEXT);
  return Object.fromEntries(Object.entries(margin).map(([side, v]) => [side, Math.round(v * k)])) as M;
}

/** Estimated width of a label in user units. */
export function labelWidth(text: string, textSize: number): number {
  return [...text].length * CHAR_EM * textSize;
}

/**
 * The largest tick count, at most `cap`, whose labels (`labelsFor(count)`, the labels the axis would draw) fit side
 * by side along `length` with at least one em between neighbours; never fewer than 2.
 */
export function fitHorizontalTicks(cap: number, length: number, textSize: number, labelsFor: (count: number) => readonly string[]): number {
  for (let n = Math.max(2, Math.floor(cap)); n > 2; n--) {
    const labels = labelsFor(n).filter((l) => l !== '');
    if (labels.length <= 1) return n;
    const widest = Math.max(...labels.map((l) => labelWidth(l, textSize)));
    if (widest + textSize <= length / (labels.length - 1)) return n;
  }
  return 2;
}

/** The largest tick count, at most `cap`, whose labels stack along a vertical `length` with a line's gap; at least 2. */
export function fitVerticalTicks(cap: number, length: number, textSize: number): number {
  return Math.max(2, Math.min(Math.floor(cap), Math.floor(length / (1.6 * textSize)) + 1));
}

/**
 * Draw a d3 axis into `g` and drop the 10 px font d3 writes on it, so the labels take the chart's own size
 * (set on the <svg>).
 */
export function drawAxis<D extends AxisDomain>(g: SVGGElement, axis: Axis<D>): void {
  select(g).call(axis).attr('font-size', null).attr('font-family', null);
}

/**
 * Of the ticks at `positions` (user units along the axis) that would carry a label, those that keep at least
 * `gap` from the last labelled one, in axis order: a log axis's 2, 3, 4 × 10ⁿ crowd together near each decade.
 */
export function spacedLabels(positions: readonly number[], labelled: readonly boolean[], gap: number): boolean[] {
  const order = positions.map((p, i) => i).sort((a, b) => positions[a] - positions[b]);
  const keep = positions.map(() => false);
  let last = -Infinity;
  for (const i of order) {
    if (!labelled[i] || positions[i] - last < gap) continue;
    keep[i] = true;
    last = positions[i];
  }
  return keep;
}
