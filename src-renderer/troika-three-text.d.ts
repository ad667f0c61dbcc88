/**
 * The part of troika-three-text (0.53) the unrolled view uses: its SDF text builder, called without a worker. The
 * package ships no type declarations its package.json points to, so these are written from its documentation.
 */
declare module 'troika-three-text' {
  import type { Texture } from 'three';

  export interface TextBuilderConfig {
    defaultFontURL?: string | null;
    unicodeFontsURL?: string | null;
    sdfGlyphSize?: number;
    sdfMargin?: number;
    sdfExponent?: number;
    textureWidth?: number;
    useWorker?: boolean;
  }

  export interface TextRenderRequest {
    text: string;
    font?: string;
    fontSize?: number;
    sdfGlyphSize?: number;
    anchorX?: number | 'left' | 'center' | 'right';
    anchorY?: number | 'top' | 'top-baseline' | 'middle' | 'bottom-baseline' | 'bottom';
    lineHeight?: number | 'normal';
    whiteSpace?: 'normal' | 'nowrap';
    gpuAccelerateSDF?: boolean;
  }

  export interface TextRenderInfo {
    readonly sdfTexture: Texture;
    readonly sdfGlyphSize: number;
    readonly sdfExponent: number;
    /** [minX, minY, maxX, maxY] of each glyph's quad, in the request's font-size units. */
    readonly glyphBounds: Float32Array;
    /** Each glyph's index in the SDF atlas (four glyphs per texel square, one per channel). */
    readonly glyphAtlasIndices: Float32Array;
    readonly blockBounds: readonly number[];
    readonly visibleBounds: readonly number[];
  }

  export function configureTextBuilder(config: TextBuilderConfig): void;
  export function getTextRenderInfo(args: TextRenderRequest, callback: (info: TextRenderInfo) => void): void;
}
