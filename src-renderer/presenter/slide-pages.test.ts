import { describe, expect, it } from 'vitest';
import { pageBreaks } from './slide-pages';

describe('pageBreaks', () => {
  it('pageBreaks(heights, available) keeps blocks whole and starts a page where the next block would overflow', () => {
    expect(pageBreaks([100, 100, 100, 100], 250)).toEqual([[0, 1], [2, 3]]);
    expect(pageBreaks([100, 100], 1000)).toEqual([[0, 1]]);
  });

  it('gives a block taller than a page a page of its own, and an empty slide one empty page', () => {
    expect(pageBreaks([50, 400, 50], 200)).toEqual([[0], [1], [2]]);
    expect(pageBreaks([], 200)).toEqual([[]]);
  });
});
