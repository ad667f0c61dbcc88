import { axisBottom, scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import {
  chartTextPx, drawAxis, fitHorizontalTicks, fitVerticalTicks, labelWidth, MIN_CHART_TEXT_PX, scaledMargin, spacedLabels, userTextSize,
} from './chart-text';

describe('chart text size', () => {
  it('chartTextPx(em) is never below 12 px and grows with the text around it ("Larger text", presenter mode)', () => {
    expect(MIN_CHART_TEXT_PX).toBe(12);
    expect(chartTextPx(10)).toBe(12);
    expect(chartTextPx(15)).toBeCloseTo(12.75, 9); // the app's body text
    expect(chartTextPx(0.118 * 160)).toBeCloseTo(16.05, 2); // "Larger text": 118% of 16 px
    expect(chartTextPx(NaN)).toBe(12);
  });

  it('userTextSize works back through the viewBox scaling, so the drawn size is the asked one', () => {
    // A 380-unit viewBox shown 300 px wide draws a unit as 300/380 px: 12 px needs 15.2 units.
    expect(userTextSize(12, 380, 300)).toBeCloseTo(15.2, 9);
    expect(userTextSize(12, 380, 300) * (300 / 380)).toBeCloseTo(12, 9);
    expect(userTextSize(12, 380, 0)).toBe(12); // not laid out yet
  });

  it('scaledMargin grows the margins with the text and never shrinks them', () => {
    expect(scaledMargin({ left: 58, bottom: 40 }, 22)).toEqual({ left: 116, bottom: 80 });
    expect(scaledMargin({ left: 58, bottom: 40 }, 8)).toEqual({ left: 58, bottom: 40 });
  });
});

describe('tick counts that keep labels apart', () => {
  const x = scaleLinear().domain([0, 12_000]).range([0, 300]);
  const labels = (n: number) => x.ticks(n).map((v) => v.toLocaleString('en'));

  it('fitHorizontalTicks keeps d3’s count when it fits and lowers it on a narrow axis or with big text', () => {
    expect(fitHorizontalTicks(6, 1000, 12, labels)).toBe(6);
    const n = fitHorizontalTicks(6, 300, 16, labels);
    expect(n).toBeLessThan(6);
    const shown = labels(n);
    const widest = Math.max(...shown.map((l) => labelWidth(l, 16)));
    expect(widest + 16).toBeLessThanOrEqual(300 / (shown.length - 1));
    expect(fitHorizontalTicks(6, 10, 40, labels)).toBe(2);
  });

  it('fitVerticalTicks leaves at least a line and a half per label', () => {
    expect(fitVerticalTicks(6, 400, 12)).toBe(6);
    expect(fitVerticalTicks(6, 100, 16)).toBe(4);
    expect(fitVerticalTicks(6, 10, 16)).toBe(2);
  });

  it('drawAxis removes the 10 px font d3 writes on the axis group, so the chart’s size applies', () => {
    const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    drawAxis(g, axisBottom(x).ticks(3));
    expect(g.querySelectorAll('.tick text').length).toBeGreaterThan(1);
    expect(g.hasAttribute('font-size')).toBe(false);
    expect(g.hasAttribute('font-family')).toBe(false);
  });
});

describe('spacedLabels(positions, labelled, gap)', () => {
  it('drops labels that would sit closer than the gap to the previous one, in axis order', () => {
    // y positions of 1, 2, 3, 4, 10 on a log axis, measured upwards
    expect(spacedLabels([0, 12, 19, 24, 40], [true, true, true, true, true], 16)).toEqual([true, false, true, false, true]);
    expect(spacedLabels([40, 0], [true, false], 16)).toEqual([true, false]);
  });
});
