import { DataTexture, LinearFilter, RGBAFormat, UnsignedByteType } from 'three';

/**
 * Text labels drawn once into one texture (the system font, nothing from the network), so every label of
 * the scene is one instanced draw call. Each distinct string gets a slot; a new string is drawn on a small
 * canvas and copied into the texture's data, and only that slot is uploaded again. When the slots
 * run out the atlas is cleared and refilled with the strings in use.
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
  readonly #slots = new Map<string, Glyph>();

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

  /** Make sure every string has a slot (clearing the atlas if it would overflow); uploads only what changed. */
  prepare(strings: Iterable<string>): void {
    const wanted = new Set(strings);
    let missing = 0;
    for (const s of wanted) if (!this.#slots.has(s)) missing++;
    if (missing === 0) return;
    const full = this.#slots.size + missing > SLOTS;
    if (full) {
      this.#slots.clear();
      this.#data.fill(0);
      this.texture.clearUpdateRanges();
    }
    for (const s of wanted) if (!this.#slots.has(s) && this.#slots.size < SLOTS) this.#draw(s, !full);
    this.texture.needsUpdate = true;
  }

  glyph(s: string): Glyph | undefined {
    return this.#slots.get(s);
  }

  dispose(): void {
    this.texture.dispose();
    this.#slots.clear();
  }

  #draw(s: string, partial: boolean): void {
    const i = this.#slots.size;
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
      if (partial) for (let y = 0; y < SLOT_H; y++) this.texture.addUpdateRange(((py + y) * ATLAS_W + px) * 4, SLOT_W * 4);
    }
    this.#slots.set(s, { u0: px / ATLAS_W, v0: py / ATLAS_H, du: w / ATLAS_W, dv: SLOT_H / ATLAS_H, aspect: w / SLOT_H });
  }
}
