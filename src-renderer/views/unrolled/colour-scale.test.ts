import { describe, expect, it } from 'vitest';
import { PALETTES, divergingColour, hexToRgb, luminance, parseStops, rgbToHex, sampleStops } from './colour-scale';

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
      expect(mid).toBeGreaterThan(lo * 3);
      expect(mid).toBeGreaterThan(hi * 3);
      // purple end is blue-heavy, orange end red-heavy: opposite on the blue–yellow axis that every deficiency keeps
      const purple = hexToRgb(p.diverging[0]);
      const orange = hexToRgb(p.diverging[4]);
      expect(purple.b).toBeGreaterThan(purple.g);
      expect(orange.r).toBeGreaterThan(orange.b);
    }
  });

  it('the gradient ramp darkens monotonically, so a vanished gradient is the faintest', () => {
    for (const p of Object.values(PALETTES)) {
      const l = p.gradient.map((h) => luminance(hexToRgb(h)));
      for (let i = 1; i < l.length; i++) expect(l[i]).toBeLessThan(l[i - 1]);
    }
  });

  it('high contrast text has at least 7:1 contrast with its background', () => {
    const p = PALETTES['high-contrast'];
    const a = luminance(hexToRgb(p.text)), b = luminance(hexToRgb(p.background));
    expect((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)).toBeGreaterThanOrEqual(7);
  });
});
