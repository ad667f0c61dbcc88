/**
 * Colour scales of the unrolled view, as plain sRGB numbers in 0..1 (no three.js, no DOM), so the WebGL
 * scene and the SVG fallback colour the same value the same way.
 *
 * - diverging: a hidden unit's value in [-1, 1] (tanh range); purple for negative, orange for positive,
 *   a light neutral at zero. Purple–orange stays distinguishable under the common colour-vision deficiencies.
 * - gradient: a sequential ramp for the strength of ∂L/∂h_t in [0, 1]; weak (vanished) gradients fade towards
 *   the background, strong ones are dark red.
 * On the dark palettes the same scales run the other way in lightness: zero and a vanished gradient are dark,
 * like the background, and large values are bright.
 */

/** Something with r, g, b fields (a THREE.Color fits). */
export interface RGB {
  r: number;
  g: number;
  b: number;
}

export type PaletteName = 'standard' | 'high-contrast' | 'dark' | 'high-contrast-dark';

/** The palette for the app's theme (light or dark) and the view's high-contrast choice. */
export function paletteFor(dark: boolean, highContrast: boolean): PaletteName {
  return dark ? (highContrast ? 'high-contrast-dark' : 'dark') : highContrast ? 'high-contrast' : 'standard';
}

export interface Palette {
  readonly name: PaletteName;
  readonly background: string;
  readonly text: string;
  readonly frame: string;
  readonly arrow: string;
  readonly highlight: string;
  /** Frame colour of decoder cells (encoder–decoder) and of the right-to-left chain (bidirectional). */
  readonly frameAlt: string;
  /** Units not computed yet in the forward animation. */
  readonly pending: string;
  /** Stops from value -1 to +1, evenly spaced. */
  readonly diverging: readonly string[];
  /** Stops from gradient strength 0 to 1, evenly spaced. */
  readonly gradient: readonly string[];
}

export const PALETTES: Record<PaletteName, Palette> = {
  standard: {
    name: 'standard',
    background: '#f6f5f1',
    text: '#1d2330',
    frame: '#5a6478',
    arrow: '#7b8496',
    highlight: '#0a7d6e',
    frameAlt: '#8a5a9e',
    pending: '#dcdcd8',
    // purple–orange (PuOr-like), light neutral in the middle
    diverging: ['#4b1d78', '#8e7cc3', '#eeeeea', '#f0a040', '#a64b00'],
    gradient: ['#f3eedb', '#fdd28a', '#f59b42', '#d8452b', '#7d0b22'],
  },
  'high-contrast': {
    name: 'high-contrast',
    background: '#ffffff',
    text: '#000000',
    frame: '#000000',
    arrow: '#000000',
    highlight: '#0047ff',
    frameAlt: '#6a00a8',
    pending: '#bdbdbd',
    diverging: ['#2a0066', '#7a5cff', '#ffffff', '#ff9a00', '#7a2e00'],
    gradient: ['#ffffff', '#ffcc00', '#ff6a00', '#d40000', '#3d0000'],
  },
  dark: {
    name: 'dark',
    background: '#161b22',
    text: '#e6ebf2',
    frame: '#9aa6b6',
    arrow: '#7d8899',
    highlight: '#4fd1a5',
    frameAlt: '#c49ad8',
    pending: '#3b424d',
    diverging: ['#c9b3ff', '#8e72d6', '#2e333d', '#e0913a', '#ffc266'],
    gradient: ['#23262c', '#5a3a1a', '#b35a1a', '#ff7a3a', '#ffd8b0'],
  },
  'high-contrast-dark': {
    name: 'high-contrast-dark',
    background: '#000000',
    text: '#ffffff',
    frame: '#ffffff',
    arrow: '#ffffff',
    highlight: '#00e5ff',
    frameAlt: '#ff80ff',
    pending: '#555555',
    diverging: ['#d0b8ff', '#9b6bff', '#262626', '#ffa000', '#ffd27a'],
    gradient: ['#111111', '#5c4400', '#b37700', '#ffb000', '#ffffff'],
  },
};

/** A palette drawn on a dark background. */
export function isDark(p: Palette): boolean {
  return luminance(hexToRgb(p.background)) < 0.2;
}

/** '#rrggbb' → sRGB components in 0..1. */
export function hexToRgb(hex: string, out: RGB = { r: 0, g: 0, b: 0 }): RGB {
  const n = parseInt(hex.slice(1), 16);
  out.r = ((n >> 16) & 255) / 255;
  out.g = ((n >> 8) & 255) / 255;
  out.b = (n & 255) / 255;
  return out;
}

/** Stops parsed once into a flat array [r0, g0, b0, r1, ...]. */
export function parseStops(stops: readonly string[]): Float32Array {
  const out = new Float32Array(stops.length * 3);
  const c = { r: 0, g: 0, b: 0 };
  stops.forEach((s, i) => {
    hexToRgb(s, c);
    out[i * 3] = c.r;
    out[i * 3 + 1] = c.g;
    out[i * 3 + 2] = c.b;
  });
  return out;
}

/** Piecewise-linear interpolation of evenly spaced stops at t ∈ [0, 1] (clamped; NaN → middle). */
export function sampleStops(stops: Float32Array, t: number, out: RGB): RGB {
  const n = stops.length / 3;
  const u = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0.5;
  const f = u * (n - 1);
  const i = Math.min(n - 2, Math.floor(f));
  const w = f - i;
  const a = i * 3;
  const b = a + 3;
  out.r = stops[a] + (stops[b] - stops[a]) * w;
  out.g = stops[a + 1] + (stops[b + 1] - stops[a + 1]) * w;
  out.b = stops[a + 2] + (stops[b + 2] - stops[a + 2]) * w;
  return out;
}

/** Colour of a hidden value v (tanh range [-1, 1]; larger magnitudes clamp). */
export function divergingColour(stops: Float32Array, v: number, out: RGB): RGB {
  return sampleStops(stops, (v + 1) / 2, out);
}

/** Blend `c` towards `base` in place: amount 1 keeps c, 0 gives base (a dimmed, not yet reached value). */
export function mixToward(c: RGB, base: RGB, amount: number): RGB {
  const a = Math.min(1, Math.max(0, amount));
  c.r = base.r + (c.r - base.r) * a;
  c.g = base.g + (c.g - base.g) * a;
  c.b = base.b + (c.b - base.b) * a;
  return c;
}

/** sRGB components → '#rrggbb' (for SVG). */
export function rgbToHex(c: RGB): string {
  const h = (x: number) =>
    Math.round(Math.min(1, Math.max(0, x)) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${h(c.r)}${h(c.g)}${h(c.b)}`;
}

/** WCAG relative luminance of an sRGB colour, for contrast checks. */
export function luminance(c: RGB): number {
  const lin = (x: number) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}
