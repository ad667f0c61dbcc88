import { divergingColour, hexToRgb, mixToward, parseStops, rgbToHex, sampleStops, type RGB } from './colour-scale';
import { gradSize, gradStrength, logMaxNorm } from './grad-scale';
import { allDhNorms, isCopy, rowDhNorm, rowState, runsRightToLeft } from './chain-rows';
import { ARROW_HH, CELL_H, NODE_CELL, NODE_CTX, NODE_IN, NODE_OUT, boxCut, nodeHalf, type Half } from './layout';
import { bucketMeans, labelStride, unitsPerCell } from './lod';
import { eachRowTitle, TITLE_SCALE, type RowWords } from './row-titles';
import { backGradRevealOf, backRevealOf, copyWeight, gradRevealOf, revealOf, type FrameState } from './scene/frame';
import { labelHeight } from './scene/label-writer';

/**
 * The flat diagram drawn when WebGL is missing: the same layout and colours as the 3D scene, as plain
 * shapes in world units (y up; the SVG flips it). Rolled or unrolled without the in-between animation. `words` name
 * the rows (layer, direction) as the scene's titles do, at least `minTitle` world units tall (so they stay readable
 * when a long chain is scaled down to fit).
 */

/** Width of a title's character in ems, on the generous side, so the view box leaves room for titles left of the chain. */
const EM_PER_CHAR = 0.6;

export interface SvgRect { x: number; y: number; w: number; h: number; fill: string; stroke: string; step: number; opacity: number }
export interface SvgLine { x1: number; y1: number; x2: number; y2: number; stroke: string; kind: number; matrix: number; width: number }
export interface SvgCircle { x: number; y: number; r: number; fill: string }
export interface SvgText { x: number; y: number; text: string; size: number; fill: string; anchor: 'start' | 'middle' | 'end' }

export interface SvgModel {
  readonly frames: SvgRect[];
  readonly units: SvgRect[];
  readonly lines: SvgLine[];
  readonly circles: SvgCircle[];
  readonly texts: SvgText[];
  /** The rows' titles (layer, direction), as the scene draws them beside or between the rows. */
  readonly titles: SvgText[];
  readonly viewBox: string;
}

/** The diagram's shapes, everything but the row titles and the view box (which depend on the titles' size). */
export type SvgShapes = Omit<SvgModel, 'titles' | 'viewBox'>;

export function svgModel(f: FrameState, words: RowWords, minTitle = 0): SvgModel {
  return withTitles(f, svgShapes(f), words, minTitle);
}

/** Whether node `i` is drawn: unrolled, every node; rolled, only the copy that stands for the whole chain. */
function shown(f: FrameState, i: number): boolean {
  const t = f.layout.nodeStep[i];
  return f.unroll >= 0.5 || (t >= 0 && copyWeight(f, t) >= 1);
}

export function svgShapes(f: FrameState): SvgShapes {
  const { chain, layout, palette } = f;
  const pos = f.unroll >= 0.5 ? layout.unrolled : layout.rolled;
  const rolled = f.unroll < 0.5;
  const div = parseStops(palette.diverging);
  const grad = parseStops(palette.gradient);
  const rgb: RGB = { r: 0, g: 0, b: 0 };
  const pending = hexToRgb(palette.pending);
  const background = hexToRgb(palette.background);
  const logMax = logMaxNorm(allDhNorms(chain.steps));
  const frames: SvgRect[] = [], units: SvgRect[] = [], lines: SvgLine[] = [], circles: SvgCircle[] = [], texts: SvgText[] = [];
  const cw = layout.cellWidth;
  const visible = (i: number) => shown(f, i);
  let cells = 0;
  for (let i = 0; i < layout.nodeCount; i++) if (isCopy(layout.nodeKind[i])) cells++;
  const n = unitsPerCell(cells, chain.H);
  const buf = new Float32Array(n);
  const lh = labelHeight(f.largeLabels);
  const stride = labelStride(chain.steps.length);

  for (let i = 0; i < layout.nodeCount; i++) {
    if (!visible(i)) continue;
    const kind = layout.nodeKind[i];
    const t = layout.nodeStep[i];
    const x = pos[i * 3], y = pos[i * 3 + 1];
    const s = chain.steps[t];
    if (isCopy(kind) || kind === NODE_CTX) {
      const ctx = kind === NODE_CTX;
      const w = ctx ? 0.44 : cw, h = ctx ? 1.2 : CELL_H;
      const focus = t >= 0 && (t === f.selected || t === f.cursor);
      const alt = kind !== NODE_CELL || s?.section === 'decoder';
      frames.push({ x: x - w / 2, y: y - h / 2, w, h, fill: focus ? palette.highlight : alt ? palette.frameAlt : palette.frame, stroke: focus ? palette.highlight : palette.frame, step: t, opacity: 0.25 });
      if (ctx) continue;
      const vals = rowState(s, kind);
      const leftward = runsRightToLeft(kind);
      const reveal = leftward ? backRevealOf(f, t) : revealOf(f, t);
      if (vals && vals.length > 0) bucketMeans(vals, n, buf);
      const uh = (CELL_H - 0.2) / n;
      for (let k = 0; k < n; k++) {
        const fill = vals && vals.length > 0 && reveal > 0 ? rgbToHex(mixToward(divergingColour(div, buf[k], rgb), pending, reveal)) : palette.pending;
        units.push({ x: x - cw / 2 + 0.12, y: y - CELL_H / 2 + 0.1 + k * uh + uh * 0.09, w: cw - 0.24, h: uh * 0.82, fill, stroke: 'none', step: t, opacity: 1 });
      }
      // Every row's ‖∂L/∂h_t‖ marker, on the h→h arrow its gradient leaves by (as in the 3D scene).
      const g = leftward ? backGradRevealOf(f, t) : gradRevealOf(f, t);
      const norm = rowDhNorm(s, kind);
      if (g > 0 && Number.isFinite(norm)) {
        const st = gradStrength(norm, logMax);
        circles.push({ x: x + (leftward ? 1 : -1) * (layout.spacing / 2), y, r: gradSize(st), fill: rgbToHex(mixToward(sampleStops(grad, st, rgb), background, g)) });
      }
      if (kind === NODE_CELL && (t % stride === 0 || t === f.cursor)) texts.push({ x, y: layout.inY - 0.55, text: String(s.local + 1), size: lh * 0.7, fill: palette.frameAlt, anchor: 'middle' });
    } else if ((kind === NODE_IN || kind === NODE_OUT) && (t % stride === 0 || t === f.cursor || t === f.selected || kind === NODE_OUT)) {
      const text = kind === NODE_IN ? s.x : s.y ?? '';
      if (text) texts.push({ x, y: y - lh / 3, text, size: lh, fill: palette.text, anchor: 'middle' });
    }
  }

  const ha: Half = { x: 0, y: 0 }, hb: Half = { x: 0, y: 0 };
  for (let i = 0; i < layout.arrowCount; i++) {
    const from = layout.arrowFrom[i], to = layout.arrowTo[i], kind = layout.arrowKind[i];
    if (!visible(from) || !visible(to)) continue;
    const lane = layout.arrowLane[i];
    const ax = pos[from * 3] + lane, ay = pos[from * 3 + 1], bx = pos[to * 3] + lane, by = pos[to * 3 + 1];
    const dx = bx - ax, dy = by - ay;
    if (Math.hypot(dx, dy) < 0.05) continue;
    const a = boxCut(dx, dy, nodeHalf(layout.nodeKind[from], cw, ha)) + 0.03;
    const b = 1 - boxCut(dx, dy, nodeHalf(layout.nodeKind[to], cw, hb)) - 0.06;
    const step = layout.nodeStep[to];
    const matrix = layout.arrowMatrix[i];
    const hovered = matrix >= 0 && f.hoverMatrix === matrix;
    let stroke = hovered ? palette.highlight : palette.arrow;
    const s = chain.steps[step];
    const into = layout.nodeKind[to];
    const norm = s ? rowDhNorm(s, into) : NaN;
    if (kind === ARROW_HH && f.pass === 'backward' && !runsRightToLeft(into) && step > f.cursor && Number.isFinite(norm) && !hovered) {
      stroke = rgbToHex(sampleStops(grad, gradStrength(norm, logMax), rgb));
    }
    lines.push({ x1: ax + dx * a, y1: ay + dy * a, x2: ax + dx * b, y2: ay + dy * b, stroke, kind, matrix, width: hovered ? 0.09 : 0.05 });
  }

  if (rolled && layout.loopNodes.length > 0) {
    const i = layout.loopNodes[0];
    texts.push({ x: pos[i * 3] + cw / 2 + 0.9, y: pos[i * 3 + 1] + 0.4, text: 'h_t−1 → h_t', size: lh, fill: palette.text, anchor: 'start' });
  }
  return { frames, units, lines, circles, texts };
}

/**
 * The shapes with the rows' titles, placed and worded as in the scene, at least `minTitle` tall; the view box widens
 * left for any that end beside the chain. Titles of another size reuse the same shapes.
 */
export function withTitles(f: FrameState, shapes: SvgShapes, words: RowWords, minTitle = 0): SvgModel {
  const { chain, layout, palette } = f;
  const pos = f.unroll >= 0.5 ? layout.unrolled : layout.rolled;
  const rolled = f.unroll < 0.5;
  const b = layout.bounds;
  let minX = b.minX - 0.8;
  const th = Math.max(labelHeight(f.largeLabels) * TITLE_SCALE, minTitle);
  const titles: SvgText[] = [];
  eachRowTitle(layout, chain, words, rolled ? 0 : 1, (node, text, dx, dy, align) => {
    if (!shown(f, node)) return;
    const x = pos[node * 3] + dx;
    titles.push({ x, y: pos[node * 3 + 1] + dy - th / 3, text, size: th, fill: palette.frameAlt, anchor: align > 0 ? 'end' : 'start' });
    if (align > 0) minX = Math.min(minX, x - text.length * th * EM_PER_CHAR - 0.3);
  });
  const maxX = rolled ? Math.min(b.maxX, b.minX + layout.spacing * 2) : b.maxX;
  const viewBox = `${minX} ${-b.maxY - 0.9} ${maxX - minX + (rolled ? 2.6 : 0.8)} ${b.maxY - b.minY + 1.8}`;
  return { ...shapes, titles, viewBox };
}
