import { axisBottom, axisLeft, line, scaleLinear, select, type ScaleLinear } from 'd3';

/**
 * The frame the Lab's step charts share (the loss chart and the runs overlay): steps along x from 0, a value
 * from 0 up the left with grid lines across the plot, and curves drawn through chosen indices of a history series.
 */
export interface Margins {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

export type Scale = ScaleLinear<number, number>;

/** How many buckets a series gets: one per 2 px of plot, so a long run costs no more to draw than a short one. */
export const plotColumns = (width: number, m: Margins): number => Math.max(20, Math.floor((width - m.left - m.right) / 2));

/** Steps 0…end across the plot. */
export const stepScale = (end: number, width: number, m: Margins): Scale => scaleLinear().domain([0, end]).range([m.left, width - m.right]);

/** Values 0…top (rounded out to nice ticks) up the plot. */
export const valueScale = (top: number, height: number, m: Margins): Scale =>
  scaleLinear().domain([0, top]).nice().range([height - m.bottom, m.top]);

/** The step axis under the plot, with about one tick per 90 px. */
export function drawStepAxis(g: SVGGElement, x: Scale, width: number): void {
  select(g).call(axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))).tickSizeOuter(0));
}

/** The value axis on the left, its ticks drawn across the plot as grid lines. */
export function drawValueAxis(g: SVGGElement, y: Scale, width: number, m: Margins): void {
  select(g).call(axisLeft(y).ticks(5).tickSize(-(width - m.left - m.right)).tickSizeOuter(0));
}

/** The path through the given indices of one curve; a non-finite value breaks the line. */
export function curvePath(points: Int32Array, steps: ArrayLike<number>, values: ArrayLike<number>, x: Scale, y: (v: number) => number): string {
  return (
    line<number>()
      .defined((i) => Number.isFinite(values[i]))
      .x((i) => x(steps[i]))
      .y((i) => y(values[i]))(points) ?? ''
  );
}
