import { describe, expect, it } from 'vitest';
import { magnitudeScale, viridisLut, LUT_SIZE, EMPTY_CELL } from './colour';
import { fillPixels } from './heatmap-paint';

describe('heatmap painting', () => {
  it('maps the domain ends to the ends of the viridis ramp and NaN to the empty colour', () => {
    const lut = viridisLut();
    const data = new Uint8ClampedArray(3 * 4);
    const values = [-4, 0, NaN];
    const filled = fillPixels(data, { rows: 1, cols: 3, value: (_r, c) => values[c] }, [-4, 0], lut);
    expect(filled).toBe(2);
    expect([...data.slice(0, 4)]).toEqual([...lut.slice(0, 4)]);
    expect([...data.slice(4, 8)]).toEqual([...lut.slice((LUT_SIZE - 1) * 4, LUT_SIZE * 4)]);
    expect([...data.slice(8, 11)]).toEqual([...EMPTY_CELL]);
    expect(data[11]).toBe(255);
  });
  it('clamps values outside the domain', () => {
    const lut = viridisLut();
    const data = new Uint8ClampedArray(4);
    fillPixels(data, { rows: 1, cols: 1, value: () => 99 }, [0, 1], lut);
    expect([...data]).toEqual([...lut.slice((LUT_SIZE - 1) * 4)]);
  });
  it('the colour scale runs dark (low) to light (high), and survives a flat domain', () => {
    const s = magnitudeScale([-3, 0]);
    expect(s(-3)).toBe('#440154');
    expect(s(5)).toBe(s(0));
    expect(magnitudeScale([2, 2])(2)).toBe('#21918c');
  });
});
