import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capHistory, THIN_STRETCH, thinnedIndices } from './history-thinning';

const loss = fc.oneof(
  { weight: 20, arbitrary: fc.double({ min: -5, max: 5, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity) },
);

describe('thinnedIndices', () => {
  it('keeps increasing indices: the first and last point and every stretch’s lowest and highest finite loss', () => {
    fc.assert(
      fc.property(fc.array(loss, { minLength: 1, maxLength: 400 }), (values) => {
        const kept = [...thinnedIndices(values)];
        for (let i = 1; i < kept.length; i++) expect(kept[i]).toBeGreaterThan(kept[i - 1]);
        expect(kept[0]).toBe(0);
        expect(kept.at(-1)).toBe(values.length - 1);
        for (let g = 0; g < values.length; g += THIN_STRETCH) {
          const stretch = values.slice(g, g + THIN_STRETCH);
          const inStretch = kept.filter((i) => i >= g && i < g + THIN_STRETCH).map((i) => values[i]);
          const finite = stretch.filter(Number.isFinite);
          if (finite.length === 0) expect(inStretch.length).toBeGreaterThan(0);
          else {
            expect(inStretch).toContain(Math.min(...finite));
            expect(inStretch).toContain(Math.max(...finite));
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('roughly halves a long history', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => Math.sin(i) + i * 1e-4);
    const kept = thinnedIndices(values);
    expect(kept.length).toBeLessThanOrEqual(5_002);
    expect(kept.length).toBeGreaterThan(2_500);
  });

  it('uses only the first n values when given n', () => {
    expect([...thinnedIndices([5, 1, 9, 2, 7, 7, 7, 7], 4)]).toEqual([0, 1, 2, 3]);
  });
});

describe('capHistory', () => {
  const points = (n: number) => Array.from({ length: n }, (_, i) => ({ step: i + 1, loss: i === 777 ? 99 : 1 + ((i * 7) % 5) }));

  it('returns the same array while it fits', () => {
    const h = points(100);
    expect(capHistory(h, 100)).toBe(h);
  });

  it('thins past the cap over the whole span: first and last step, the spike, steps still increasing', () => {
    const h = capHistory(points(3_000), 1_000);
    expect(h.length).toBeLessThanOrEqual(1_000);
    expect(h.length).toBeGreaterThan(250);
    expect(h[0].step).toBe(1);
    expect(h.at(-1)!.step).toBe(3_000);
    expect(h.some((p) => p.loss === 99)).toBe(true);
    for (let i = 1; i < h.length; i++) expect(h[i].step).toBeGreaterThan(h[i - 1].step);
  });

  it('grown one step at a time, as a run grows it, it stays within the cap and spans the run', () => {
    let h: { step: number; loss: number }[] = [];
    for (const p of points(5_000)) h = capHistory([...h, p], 200);
    expect(h.length).toBeLessThanOrEqual(200);
    expect(h[0].step).toBe(1);
    expect(h.at(-1)!.step).toBe(5_000);
    expect(h.some((p) => p.loss === 99)).toBe(true);
  });
});
