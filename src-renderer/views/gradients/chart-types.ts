/** Shapes shared by the gradient views' charts. */
import type { RasterLayer } from './export';

export interface XY {
  readonly x: number;
  readonly y: number;
}

/** One curve: colour and dash both identify it, so it survives greyscale and colour blindness. */
export interface Series {
  readonly id: string;
  readonly label: string;
  readonly colour: string;
  readonly dash?: string;
  readonly values: readonly XY[];
  /** Draw dots at the data points (sparse series such as the memory-horizon sweep). */
  readonly dots?: boolean;
}

/** A horizontal guide line, e.g. the clipping threshold or chance accuracy. */
export interface Rule {
  readonly y: number;
  readonly label: string;
}

/** What a chart hands to its card so the card can export it. */
export interface ChartExport {
  svg(): SVGSVGElement | null;
  layers?(): RasterLayer[];
  csv(): string;
}

/** Plot margins inside every chart's viewBox. */
export const MARGIN = { top: 14, right: 16, bottom: 40, left: 58 } as const;

/** Heatmap margins: a wider right side holds the colour legend. */
export const HEAT_MARGIN = { top: 12, right: 78, bottom: 40, left: 58 } as const;

/** Where a heatmap's canvas sits inside its SVG, in SVG user units (for export). */
export function heatLayerBox(width: number, height: number): { x: number; y: number; width: number; height: number } {
  const M = HEAT_MARGIN;
  return { x: M.left, y: M.top, width: width - M.left - M.right, height: height - M.top - M.bottom };
}
