/**
 * Colour for the gradient views: a perceptually uniform, colour-blind-safe sequential ramp (viridis) for
 * magnitudes, and a categorical set for the three cells that stays distinct under the common colour-vision
 * deficiencies and on a washed-out projector (Okabe–Ito hues, plus a dash pattern per cell as a second cue).
 */
import { color, interpolateViridis, scaleSequential, type ScaleSequential } from 'd3';
import type { CellKind } from '../../../src-shared/engine/types';
import { t } from '../../i18n/i18n.svelte';

/** Number of entries in the lookup table a heatmap paints from. */
export const LUT_SIZE = 256;

/** log10 magnitude → colour; clamps outside the domain so outliers still draw. */
export function magnitudeScale(domain: readonly [number, number]): ScaleSequential<string> {
  const [lo, hi] = domain[0] === domain[1] ? [domain[0] - 1, domain[1] + 1] : domain;
  return scaleSequential(interpolateViridis).domain([lo, hi]).clamp(true);
}

/** The ramp as packed RGBA bytes, LUT_SIZE entries, so a canvas fill is one table lookup per cell. */
export function viridisLut(): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(LUT_SIZE * 4);
  for (let i = 0; i < LUT_SIZE; i++) {
    const c = color(interpolateViridis(i / (LUT_SIZE - 1)))!.rgb();
    lut.set([c.r, c.g, c.b, 255], i * 4);
  }
  return lut;
}

/** Okabe–Ito hues: vermillion, blue, bluish green. */
export const CELL_COLOURS: Record<CellKind, string> = { rnn: '#D55E00', lstm: '#0072B2', gru: '#009E73' };
/** A dash pattern per cell, so the curves differ without colour too. */
export const CELL_DASHES: Record<CellKind, string> = { rnn: '6 3', lstm: '', gru: '2 2' };
/** A cell's name in the learner's language ("Vanilla RNN", "RNN simple"). */
export function cellName(cell: CellKind): string {
  return t(`grad.cell.${cell}`);
}
/** The same name in the middle of a sentence ("the vanilla RNN"), where English drops the capital. */
export function cellNameInline(cell: CellKind): string {
  return t(`grad.cellInline.${cell}`);
}

/** Neutral series (ideal lines, thresholds): dark grey and black read on white paper and projectors alike. */
export const INK = '#222222';
export const GUIDE = '#777777';
/** Cells with no value yet (shorter sequences, padding). */
export const EMPTY_CELL: readonly [number, number, number] = [235, 235, 235];
