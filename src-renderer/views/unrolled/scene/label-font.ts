import type { Texture } from 'three';
import { configureTextBuilder, getTextRenderInfo, type TextRenderInfo } from 'troika-three-text';
import fontUrl from '../../../../resources/fonts/DejaVuSansCondensed-Bold.subset.ttf?url';
import { drawableLabel } from './label-text';

/**
 * The labels' signed-distance-field font: troika-three-text typesets each string with the bundled font and draws its
 * glyphs' distance fields into one shared atlas texture, which LabelLayer samples, so text stays sharp at any angle
 * and zoom. Troika runs on the main thread (no worker, no blob: or eval, so the CSP stays strict); the font is a file
 * of the build, so nothing comes from the network (drawableLabel keeps troika from looking for a fallback font).
 *
 * Troika's atlas canvas holds a WebGL context of its own, shared by every view. While no view is mounted that
 * context is released (lost on purpose), and the next view to mount restores it; troika then draws every glyph
 * again, and the labels wait until it has.
 */

/** Distance-field size of one glyph in the atlas (texels); 64 keeps 11 px text and projector-sized text sharp. */
const SDF_GLYPH_SIZE = 64;
/** While the atlas is being redrawn after a restore, how often to look whether troika is done (ms), and for how long. */
const RESTORE_POLL_MS = 30;
const RESTORE_GIVE_UP_MS = 10_000;
/** Typeset strings kept; past this, those the current chains do not use are forgotten (norms change every step). */
const KEEP_RUNS = 4096;

/** One string, typeset at font size 1 and centred on its origin. */
export interface GlyphRun {
  readonly count: number;
  /** [minX, minY, maxX, maxY] of each glyph quad, in ems. */
  readonly bounds: Float32Array;
  /** Each glyph's index in the atlas. */
  readonly atlas: Float32Array;
  /** Width and line height of the whole string, in ems. */
  readonly width: number;
  readonly height: number;
}

type Listener = () => void;

class LabelFont {
  readonly #runs = new Map<string, GlyphRun>();
  readonly #asked = new Set<string>();
  readonly #listeners = new Set<Listener>();
  #pending = 0;
  #users = 0;
  #configured = false;
  #texture: Texture | null = null;
  #exponent = 9;
  #lost = false;
  #restoring = false;

  /** The atlas texture (null until the first string is typeset). */
  get texture(): Texture | null {
    return this.#texture;
  }

  get exponent(): number {
    return this.#exponent;
  }

  get glyphSize(): number {
    return SDF_GLYPH_SIZE;
  }

  /** The atlas is being redrawn after its context came back. */
  get restoring(): boolean {
    return this.#restoring;
  }

  /** Strings asked for but not typeset yet, or the atlas is being redrawn: labels should wait. */
  get busy(): boolean {
    return this.#pending > 0 || this.#restoring;
  }

  /** A view starts using the font; `onReady` runs each time asked-for strings become drawable. */
  acquire(onReady: Listener): void {
    this.#listeners.add(onReady);
    if (this.#users++ === 0 && this.#lost) this.#restore();
  }

  /**
   * A view stops using it; the last one releases the atlas's WebGL context. While troika is still drawing glyphs
   * into it, the release waits for the last of them: a context lost mid-draw makes troika's distance-field pass throw.
   */
  release(onReady: Listener): void {
    this.#listeners.delete(onReady);
    if (--this.#users > 0) return;
    this.#users = 0;
    if (this.#pending === 0) this.#loseContext();
  }

  #loseContext(): void {
    const ext = this.#loseExtension();
    if (ext && !this.#lost) {
      this.#lost = true;
      ext.loseContext();
    }
  }

  /** The typeset glyphs of `text`, or undefined while they are being made (ask with `want`). */
  run(text: string): GlyphRun | undefined {
    return this.#runs.get(text);
  }

  /** Typeset every string of `texts` not typeset yet; listeners hear once all of them are drawable. */
  want(texts: ReadonlySet<string>): void {
    if (this.#asked.size + texts.size > KEEP_RUNS && this.#pending === 0) {
      for (const s of this.#asked) {
        if (texts.has(s)) continue;
        this.#asked.delete(s);
        this.#runs.delete(s);
      }
    }
    for (const s of texts) {
      if (this.#asked.has(s)) continue;
      this.#asked.add(s);
      this.#typeset(s);
    }
  }

  #typeset(s: string): void {
    if (!this.#configured) {
      this.#configured = true;
      configureTextBuilder({ useWorker: false, defaultFontURL: null, sdfGlyphSize: SDF_GLYPH_SIZE });
    }
    this.#pending++;
    getTextRenderInfo(
      { text: drawableLabel(s), font: fontUrl, fontSize: 1, anchorX: 'center', anchorY: 'middle', whiteSpace: 'nowrap', sdfGlyphSize: SDF_GLYPH_SIZE },
      (info) => {
        this.#runs.set(s, toRun(info));
        this.#texture = info.sdfTexture;
        this.#exponent = info.sdfExponent;
        if (--this.#pending > 0) return;
        if (this.#users === 0) this.#loseContext(); // the last view left while these glyphs were being drawn
        else if (!this.#restoring) this.#notify();
      },
    );
  }

  #notify(): void {
    for (const l of this.#listeners) l();
  }

  #canvas(): HTMLCanvasElement | null {
    const img = this.#texture?.image as unknown;
    return img instanceof HTMLCanvasElement ? img : null;
  }

  #loseExtension(): WEBGL_lose_context | null {
    const canvas = this.#canvas();
    // The atlas canvas already has its WebGL context (troika draws into it): this returns that context.
    const gl = canvas?.getContext('webgl') ?? null;
    return gl ? gl.getExtension('WEBGL_lose_context') : null;
  }

  /** Give the atlas its context back; troika redraws every glyph into it, then marks the texture for upload. */
  #restore(): void {
    const canvas = this.#canvas();
    const ext = this.#loseExtension();
    const texture = this.#texture;
    this.#lost = false;
    if (!canvas || !ext || !texture) return;
    this.#restoring = true;
    const since = texture.version;
    const started = performance.now();
    const poll = () => {
      if (texture.version !== since || performance.now() - started > RESTORE_GIVE_UP_MS) {
        this.#restoring = false;
        if (this.#pending === 0) this.#notify();
      } else setTimeout(poll, RESTORE_POLL_MS);
    };
    canvas.addEventListener('webglcontextrestored', () => setTimeout(poll, RESTORE_POLL_MS), { once: true });
    ext.restoreContext();
  }
}

function toRun(info: TextRenderInfo): GlyphRun {
  const b = info.blockBounds;
  return {
    count: info.glyphAtlasIndices.length,
    bounds: info.glyphBounds,
    atlas: info.glyphAtlasIndices,
    width: b[2] - b[0],
    height: b[3] - b[1],
  };
}

/** The one label font of the page (troika's atlas is shared by every view). */
export const labelFont = new LabelFont();
