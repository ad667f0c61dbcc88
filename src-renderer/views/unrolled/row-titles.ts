import type { ChainData } from './chain-data';
import { CELL_H, type ChainLayout } from './layout';

/**
 * The titles that name the rows of copies (layer, direction) for stacked and bidirectional models: where each one
 * goes and what it says. The 3D scene's label writer and the flat SVG diagram both place them from here, so the two
 * views name the same rows with the same words.
 */

/** The catalogue words the row titles use (in the current language; SceneWords carries them). */
export interface RowWords {
  readonly leftToRight: string;
  readonly rightToLeft: string;
  readonly lowerLayer: string;
  readonly upperLayer: string;
  /** Two layers, bidirectional: each of the four rows by layer and direction. */
  readonly lowerForward: string;
  readonly lowerBackward: string;
  readonly upperForward: string;
  readonly upperBackward: string;
}

/** World units between a row title beside its row and the first copy's gradient marker (clear of it). */
export const TITLE_CLEAR = 0.4;

/** A row title's height as a share of a token's label height. */
export const TITLE_SCALE = 0.8;

/**
 * Called once per title: `text` placed by copy `node`, offset (`dx`, `dy`) world units from the copy's centre;
 * `align` −1 starts the text there, 1 ends it there.
 */
export type RowTitleSink = (node: number, text: string, dx: number, dy: number, align: -1 | 1) => void;

/** Hands each row title of `layout` at unroll `unroll` (0 rolled … 1 unrolled) to `emit`; allocates nothing. */
export function eachRowTitle(layout: ChainLayout, chain: ChainData, words: RowWords, unroll: number, emit: RowTitleSink): void {
  const edge = -layout.cellWidth / 2;
  if (layout.lowerBackNode[0] >= 0 && layout.backNode[0] >= 0) {
    // Two layers, bidirectional: four rows, each named beside its first copy (in the layout's title room), by layer
    // and direction; the gaps between rows are full of arrows.
    if (unroll <= 0.5) return;
    const beside = -layout.spacing / 2 - TITLE_CLEAR;
    emit(layout.backNode[0], words.upperBackward, beside, 0, 1);
    emit(layout.cellNode[0], words.upperForward, beside, 0, 1);
    emit(layout.lowerBackNode[0], words.lowerBackward, beside, 0, 1);
    emit(layout.lowerNode[0], words.lowerForward, beside, 0, 1);
    return;
  }
  if (chain.hasLower && layout.lowerNode[0] >= 0 && unroll > 0.5) {
    // Two layers: name each row by what it reads, in the gaps under layer 1 and above layer 2.
    emit(layout.lowerNode[0], words.lowerLayer, edge, -CELL_H / 2 - 0.45, -1);
    emit(layout.cellNode[0], words.upperLayer, edge, CELL_H / 2 + 0.35, -1);
  }
  if (chain.bidirectional && layout.backNode[0] >= 0) {
    emit(layout.cellNode[0], words.leftToRight, edge, -CELL_H / 2 - 0.75, -1);
    emit(layout.backNode[0], words.rightToLeft, edge, CELL_H / 2 + 0.3, -1);
  }
}

/** The titles drawn beside the rows (two layers, bidirectional), for the room a view frames for them. */
export function besideTitles(words: RowWords): string[] {
  return [words.upperBackward, words.upperForward, words.lowerBackward, words.lowerForward];
}
