import { describe, expect, it } from 'vitest';
import { PALETTES, divergingColour, hexToRgb, isDark, luminance, paletteFor, parseStops, rgbToHex, sampleStops } from './colour-scale';

const rgb = () => ({ r: 0, g: 0, b: 0 });

describe('colour scales', () => {
  it('hexToRgb and rgbToHex round-trip', () => {
    expect(rgbToHex(hexToRgb('#4b1d78'))).toBe('#4b1d78');
  });

  it('sampleStops(stops, t) interpolates evenly spaced stops and clamps outside [0, 1]', () => {
    const stops = parseStops(['#000000', '#ffffff']);
    expect(sampleStops(stops, 0.5, rgb()).r).toBeCloseTo(0.5);
    expect(sampleStops(stops, -3, rgb()).r).toBe(0);
    expect(sampleStops(stops, 9, rgb()).g).toBe(1);
  });

  it('divergingColour maps −1, 0 and +1 to the first, middle and last stop', () => {
    for (const p of Object.values(PALETTES)) {
      const stops = parseStops(p.diverging);
      expect(rgbToHex(divergingColour(stops, -1, rgb()))).toBe(p.diverging[0]);
      expect(rgbToHex(divergingColour(stops, 0, rgb()))).toBe(p.diverging[2]);
      expect(rgbToHex(divergingColour(stops, 1, rgb()))).toBe(p.diverging[4]);
      expect(rgbToHex(divergingColour(stops, 5, rgb()))).toBe(p.diverging[4]);
    }
  });

  it('the diverging ends differ in lightness as well as hue, so they survive colour-blindness', () => {
    for (const p of Object.values(PALETTES)) {
      const [lo, , mid, , hi] = p.diverging.map((h) => luminance(hexToRgb(h)));
      // light palettes: a light zero between dark ends; dark palettes: a dark zero between bright ends
      if (isDark(p)) {
        expect(lo).toBeGreaterThan(mid * 3);
        expect(hi).toBeGreaterThan(mid * 3);
      } else {
        expect(mid).toBeGreaterThan(lo * 3);
        expect(mid).toBeGreaterThan(hi * 3);
      }
      // purple end is blue-heavy, orange end red-heavy: opposite on the blue–yellow axis that every deficiency keeps
      const purple = hexToRgb(p.diverging[0]);
      const orange = hexToRgb(p.diverging[4]);
      expect(purple.b).toBeGreaterThan(purple.g);
      expect(orange.r).toBeGreaterThan(orange.b);
    }
  });

  it('the gradient ramp moves monotonically away from the background, so a vanished gradient is the faintest', () => {
    for (const p of Object.values(PALETTES)) {
      const l = p.gradient.map((h) => luminance(hexToRgb(h)));
      for (let i = 1; i < l.length; i++) {
        if (isDark(p)) expect(l[i]).toBeGreaterThan(l[i - 1]);
        else expect(l[i]).toBeLessThan(l[i - 1]);
      }
    }
  });

  it('paletteFor picks a dark palette for a dark app theme and a high-contrast one when asked', () => {
    expect(paletteFor(false, false)).toBe('standard');
    expect(paletteFor(false, true)).toBe('high-contrast');
    expect(isDark(PALETTES[paletteFor(true, false)])).toBe(true);
    expect(isDark(PALETTES[paletteFor(true, true)])).toBe(true);
    expect(isDark(PALETTES.standard)).toBe(false);
  });

  it('every palette\'s text has at least 4.5:1 contrast with its background', () => {
    for (const p of Object.values(PALETTES)) {
      const a = luminance(hexToRgb(p.text)), b = luminance(hexToRgb(p.background));
      expect((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), p.name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('high contrast text has at least 7:1 contrast with its background, on light and dark', () => {
    for (const p of [PALETTES['high-contrast'], PALETTES['high-contrast-dark']]) {
      const a = luminance(hexToRgb(p.text)), b = luminance(hexToRgb(p.background));
      expect((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)).toBeGreaterThanOrEqual(7);
    }
  });
});
