import { describe, expect, it } from 'vitest';
import { decades, sharedDecades } from './grid-summary';

describe('colour domains', () => {
  it('decades(extent) snaps out to whole decades, and gives a default for no data', () => {
    expect(decades([-2.4, 0.3])).toEqual([-3, 1]);
    expect(decades([-2, -2])).toEqual([-3, -2]);
    expect(decades(null)).toEqual([-3, 0]);
  });
  it('sharedDecades(extents) spans every heatmap that has data, so side-by-side colours compare', () => {
    expect(sharedDecades([[-2.4, -1], null, [-6.2, 0.5]])).toEqual([-7, 1]);
    expect(sharedDecades([null, null])).toEqual([-3, 0]);
  });
});
