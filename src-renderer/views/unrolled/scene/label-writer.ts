import { Color, SRGBColorSpace, type Object3D } from 'three';
import type { ChainData } from '../chain-data';
import type { Palette } from '../colour-scale';
import { ARROW_HH, ARROW_HY, ARROW_XH, CELL_H, nodePosition } from '../layout';
import { MATRIX_NAMES, matrixName } from '../matrix-names';
import { labelStride } from '../lod';
import type { ArrowLayer } from './arrow-layer';
import { formatNorm } from '../grad-scale';
import { copyWeight, gradRevealOf, type FrameState } from './frame';
import type { LabelLayer } from './label-layer';
import { targetLabel, titleStrings, type SceneWords } from './scene-words';
import { besideTitles, eachRowTitle, TITLE_SCALE, type RowTitleSink } from '../row-titles';

/** "1" … "256": step numbers made once, so drawing a frame creates no strings. */
const STEP_NUMBERS = Array.from({ length: 256 }, (_, i) => String(i + 1));

/** Height `add` gets for a token (world units; titles get 0.8 of it): larger with the projector option. */
export function labelHeight(large: boolean): number {
  return large ? 0.5 : 0.32;
}

/** Fills the label layer for one frame: tokens, step numbers, matrix names, section titles. */
export class LabelWriter {
  readonly #p = new Float32Array(3);
  readonly #text = new Color();
  readonly #muted = new Color();
  readonly #highlight = new Color();
  /** "target NOUN" per token, built once so frames create no strings. */
  readonly #targets = new Map<string, string>();
  /** ‖∂L/∂h_t‖ of each step as text, made when the data changes so frames create no strings. */
  #norms: string[] = [];
  #words: SceneWords;
  /** The frame `#rowTitle` draws into, set for the length of one `#titles`. */
  #frame: FrameState | null = null;
  #labels: LabelLayer | null = null;
  #dummy: Object3D | null = null;
  #titleH = 0;

  constructor(words: SceneWords) {
    this.#words = words;
  }

  /** The scene's words in a new language (the next `strings` asks for them). */
  setWords(words: SceneWords): void {
    this.#words = words;
    this.#targets.clear();
  }

  /** Which strings the atlas needs for a chain. */
  strings(chain: ChainData): Set<string> {
    const out = new Set<string>(titleStrings(this.#words));
    this.#norms = chain.steps.map((s) => (Number.isFinite(s.dhNorm) ? formatNorm(s.dhNorm) : ''));
    for (const n of this.#norms) if (n) out.add(n);
    for (const g of chain.gateNames) out.add(g);
    if (chain.hasCells) out.add('c');
    out.add('h');
    for (const m of MATRIX_NAMES) out.add(m);
    for (const s of chain.steps) {
      if (s.x !== null) out.add(s.x);
      if (s.y !== null) out.add(s.y);
      if (s.target !== null && s.target !== s.y) out.add(this.#target(s.target));
      out.add(STEP_NUMBERS[s.local] ?? String(s.local + 1));
    }
    return out;
  }

  #target(token: string): string {
    let s = this.#targets.get(token);
    if (s === undefined) {
      s = targetLabel(this.#words, token);
      if (this.#targets.size < 4096) this.#targets.set(token, s);
    }
    return s;
  }

  setPalette(p: Palette): void {
    this.#text.setStyle(p.text, SRGBColorSpace);
    this.#muted.setStyle(p.frameAlt, SRGBColorSpace);
    this.#highlight.setStyle(p.highlight, SRGBColorSpace);
  }

  write(f: FrameState, labels: LabelLayer, arrows: ArrowLayer, dummy: Object3D): void {
    const { layout, chain } = f;
    const p = this.#p;
    const lh = labelHeight(f.largeLabels);
    const stride = labelStride(chain.steps.length);
    labels.begin();
    // Titles first: where labels would overlap, the few that name the rows win over a token or a step number.
    this.#titles(f, labels, dummy, lh);
    for (let t = 0; t < chain.steps.length; t++) {
      const s = chain.steps[t];
      const w = copyWeight(f, t);
      const focus = t === f.selected || t === f.cursor;
      if (w < 0.05 || (t % stride !== 0 && !focus && w >= 1 && t !== chain.steps.length - 1)) continue;
      const h = lh * w;
      const colour = focus ? this.#highlight : this.#text;
      // The step number right under its token on screen (from above a fixed world offset would put them on top of
      // each other); where the step has no input, in the inputs' row.
      const number = STEP_NUMBERS[s.local] ?? '';
      if (layout.inNode[t] >= 0 && s.x !== null) {
        nodePosition(layout, layout.inNode[t], f.unroll, p);
        labels.add(dummy, s.x, p[0], p[1], 0.05, h, colour);
        labels.addUnder(dummy, number, h * 0.7, this.#muted);
      } else {
        nodePosition(layout, layout.cellNode[t], f.unroll, p);
        labels.add(dummy, number, p[0], layout.inY, 0.05, h * 0.7, this.#muted);
      }
      nodePosition(layout, layout.cellNode[t], f.unroll, p);
      // Backward pass: every copy's ‖∂L/∂h_t‖ under its gradient marker, so the fade can be read as numbers too.
      const norm = this.#norms[t];
      if (norm && gradRevealOf(f, t) > 0 && layout.cellNode[t] >= 0) {
        labels.add(dummy, norm, p[0] - layout.spacing / 2, p[1] - 0.5, 0.32, h * 0.62, focus ? this.#highlight : this.#text);
      }
      if (layout.outNode[t] >= 0) {
        nodePosition(layout, layout.outNode[t], f.unroll, p);
        if (s.y !== null) labels.add(dummy, s.y, p[0], p[1], 0.05, h, colour);
        if (s.target !== null && s.target !== s.y) labels.add(dummy, this.#target(s.target), p[0], p[1] + h * 1.1, 0.05, h * 0.7, this.#muted);
      }
    }
    this.#matrices(f, labels, arrows, dummy, lh, stride);
    labels.end();
  }

  /** Draws one row title of the frame being written (a field, so a frame creates no closure). */
  readonly #rowTitle: RowTitleSink = (node, text, dx, dy, align) => {
    const p = this.#p;
    if (!this.#frame || !this.#labels || !this.#dummy) return;
    nodePosition(this.#frame.layout, node, this.#frame.unroll, p);
    this.#labels.add(this.#dummy, text, p[0] + dx, p[1] + dy, 0.05, this.#titleH, this.#muted, align);
  };

  #left(f: FrameState, labels: LabelLayer, dummy: Object3D, node: number, text: string, dy: number, h: number): void {
    const p = this.#p;
    nodePosition(f.layout, node, f.unroll, p);
    labels.add(dummy, text, p[0] - f.layout.cellWidth / 2, p[1] + dy, 0.05, h, this.#muted, -1);
  }

  /** The titles drawn beside the rows (two layers, bidirectional), for the room the scene frames for them. */
  rowTitles(): string[] {
    return besideTitles(this.#words);
  }

  #titles(f: FrameState, labels: LabelLayer, dummy: Object3D, lh: number): void {
    const { layout, chain } = f;
    const p = this.#p;
    if (chain.encoderLength > 0 && chain.steps.length > chain.encoderLength) {
      this.#left(f, labels, dummy, layout.cellNode[0], this.#words.encoder, CELL_H / 2 + 0.35, lh * 0.8);
      this.#left(f, labels, dummy, layout.cellNode[chain.encoderLength], this.#words.decoder, CELL_H / 2 + 0.35, lh * 0.8);
      nodePosition(layout, layout.nodeCount - 1, f.unroll, p);
      if (f.unroll > 0.5) labels.add(dummy, this.#words.context, p[0], p[1] - 0.9, 0.05, lh * 0.75, this.#muted);
    }
    this.#frame = f;
    this.#labels = labels;
    this.#dummy = dummy;
    this.#titleH = lh * TITLE_SCALE;
    eachRowTitle(layout, chain, this.#words, f.unroll, this.#rowTitle);
    if (f.unroll < 0.5 && layout.loopNodes.length > 0) {
      nodePosition(layout, layout.loopNodes[0], f.unroll, p);
      labels.add(dummy, this.#words.loop, p[0] + layout.cellWidth / 2 + 0.9, p[1] + 0.4, 0.05, lh * (1 - f.unroll * 2), this.#text, -1);
    }
    // Expanded gated cells: name the columns (gates, then c for an LSTM, then h) above the cursor's cell.
    const cols = layout.columns.length;
    if (cols > 1 && f.cursor < layout.cellNode.length) {
      nodePosition(layout, layout.cellNode[f.cursor], f.unroll, p);
      const colW = (layout.cellWidth - 0.16) / cols;
      for (let c = 0; c < cols; c++) {
        const name = layout.columns[c];
        labels.add(dummy, name, p[0] - layout.cellWidth / 2 + 0.08 + (c + 0.5) * colW, p[1] - CELL_H / 2 + 0.02 - lh * 0.6, 0.3, lh * 0.6, this.#highlight);
      }
    }
  }

  #matrices(f: FrameState, labels: LabelLayer, arrows: ArrowLayer, dummy: Object3D, lh: number, stride: number): void {
    const { layout } = f;
    // Names on every other labelled step; with four rows (ten names a step) every fourth, or they crowd the arrows.
    const every = stride * (layout.lowerBackNode[0] >= 0 ? 4 : 2);
    for (let j = 0; j < arrows.drawn; j++) {
      const i = arrows.midArrow[j];
      const kind = layout.arrowKind[i];
      if (kind !== ARROW_XH && kind !== ARROW_HH && kind !== ARROW_HY) continue;
      const step = layout.arrowStep[i];
      const id = layout.arrowMatrix[i];
      const hovered = id >= 0 && f.hoverMatrix === id;
      if (!hovered && step % every !== 0 && step !== f.selected) continue;
      const name = matrixName(id) ?? '';
      const x = arrows.mid[j * 3], y = arrows.mid[j * 3 + 1];
      const h = lh * 0.75;
      if (kind === ARROW_HH) labels.add(dummy, name, x, y + 0.52, 0.08, h, hovered ? this.#highlight : this.#muted);
      else labels.add(dummy, name, x + 0.1, y, 0.08, h, hovered ? this.#highlight : this.#muted, -1);
    }
  }
}
