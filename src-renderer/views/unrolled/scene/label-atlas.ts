import { DataTexture, LinearFilter, RGBAFormat, UnsignedByteType } from 'three';

/**
 * Text labels drawn into one texture (the system font, nothing from the network), so every label of the
 * scene is one instanced draw call. Each distinct string gets a slot; a new string is drawn on a small
 * canvas and copied into the texture's data, and only that slot's rows are uploaded again. Drawing is
 * spread over frames (`work` draws what fits in a few milliseconds), so a new chain full of new tokens never
 * blocks the main thread; a label whose string is not drawn yet is simply left out of that frame. When the
 * slots run out, slots of strings the current chain does not use are reused.
 */

export const ATLAS_W = 1024;
export const ATLAS_H = 1024;
export const SLOT_W = 128;
export const SLOT_H = 32;
const COLS = ATLAS_W / SLOT_W;
const ROWS = Math.floor(ATLAS_H / SLOT_H);
export const SLOTS = COLS * ROWS;
const FONT = '600 20px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';

export interface Glyph {
  /** u0, v0, du, dv in texture coordinates (v grows upwards). */
  readonly u0: number;
  readonly v0: number;
  readonly du: number;
  readonly dv: number;
  /** Width / height of the drawn text, for the label's quad. */
  readonly aspect: number;
}

export class LabelAtlas {
  readonly texture: DataTexture;
  readonly #data = new Uint8Array(ATLAS_W * ATLAS_H * 4);
  readonly #ctx: CanvasRenderingContext2D | null;
  readonly #slots = new Map<string, Glyph & { readonly slot: number }>();
  #wanted = new Set<string>();
  readonly #queue: string[] = [];
  #next = 0;
  /** Slots handed out so far (they are reused, never returned). */
  #used = 0;

  constructor() {
    const scratch = document.createElement('canvas');
    scratch.width = SLOT_W;
    scratch.height = SLOT_H;
    this.#ctx = scratch.getContext('2d', { willReadFrequently: true });
    this.texture = new DataTexture(this.#data, ATLAS_W, ATLAS_H, RGBAFormat, UnsignedByteType);
    this.texture.minFilter = LinearFilter;
    this.texture.magFilter = LinearFilter;
    this.texture.generateMipmaps = false;
    this.texture.needsUpdate = true;
  }

  /** The strings the current chain needs; they are drawn by `work`, a few per frame. */
  prepare(strings: Iterable<string>): void {
    this.#wanted = new Set(strings);
    this.#queue.length = 0;
    for (const s of this.#wanted) if (!this.#slots.has(s)) this.#queue.push(s);
    this.#next = 0;
  }

  /** Strings still waiting to be drawn. */
  get pending(): number {
    return this.#queue.length - this.#next;
  }

  /** Draw waiting strings for about `budgetMs` (at least one); true when all are drawn. */
  work(budgetMs = 3): boolean {
    if (this.pending === 0) return true;
    const t0 = performance.now();
    let drawn = 0;
    while (this.#next < this.#queue.length) {
      const s = this.#queue[this.#next++];
      if (this.#slots.has(s)) continue;
      const slot = this.#slot();
      if (slot < 0) {
        this.#next = this.#queue.length;
        break;
      }
      this.#draw(s, slot);
      drawn++;
      if (performance.now() - t0 >= budgetMs) break;
    }
    if (drawn > 0) this.texture.needsUpdate = true;
    if (this.pending === 0) {
      this.#queue.length = 0;
      this.#next = 0;
      return true;
    }
    return false;
  }

  glyph(s: string): Glyph | undefined {
    return this.#slots.get(s);
  }

  /** A free slot: never used yet, or held by a string the current chain does not need (−1: none). */
  #slot(): number {
    if (this.#used < SLOTS) return this.#used++;
    for (const [s, g] of this.#slots) {
      if (this.#wanted.has(s)) continue;
      this.#slots.delete(s);
      return g.slot;
    }
    return -1;
  }

  dispose(): void {
    this.texture.dispose();
    this.#slots.clear();
  }

  #draw(s: string, i: number): void {
    const px = (i % COLS) * SLOT_W;
    const py = Math.floor(i / COLS) * SLOT_H;
    let w = SLOT_W;
    const ctx = this.#ctx;
    if (ctx) {
      ctx.clearRect(0, 0, SLOT_W, SLOT_H);
      ctx.font = FONT;
      ctx.textBaseline = 'middle';
      ctx.fillStyle = '#ffffff';
      let text = s;
      while (text.length > 1 && ctx.measureText(text).width > SLOT_W - 6) text = text.slice(0, -2) + '…';
      w = Math.min(SLOT_W, Math.ceil(ctx.measureText(text).width) + 6);
      ctx.fillText(text, 3, SLOT_H / 2);
      const img = ctx.getImageData(0, 0, SLOT_W, SLOT_H).data;
      // Canvas rows run down, texture rows up: flip within the slot so the text is upright.
      for (let y = 0; y < SLOT_H; y++) {
        const dst = ((py + SLOT_H - 1 - y) * ATLAS_W + px) * 4;
        for (let x = 0; x < SLOT_W; x++) {
          const a = img[(y * SLOT_W + x) * 4 + 3];
          const o = dst + x * 4;
          this.#data[o] = this.#data[o + 1] = this.#data[o + 2] = 255;
          this.#data[o + 3] = a;
        }
      }
      // three.js uploads each range as one row segment: one range per row of the slot.
      for (let y = 0; y < SLOT_H; y++) this.texture.addUpdateRange(((py + y) * ATLAS_W + px) * 4, SLOT_W * 4);
    }
    this.#slots.set(s, { slot: i, u0: px / ATLAS_W, v0: py / ATLAS_H, du: w / ATLAS_W, dv: SLOT_H / ATLAS_H, aspect: w / SLOT_H });
  }
}
