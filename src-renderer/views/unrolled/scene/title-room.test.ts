import { describe, expect, it } from 'vitest';
import { titleRoom } from './title-room';

const base = { boxH: 17, viewW: 900, viewH: 360, titleEm: 12, emWorld: 0.16, minPx: 11, gap: 1.1 };

describe('titleRoom', () => {
  it('a short chain framed by its height: room for the title at its smallest size, which then fits the view', () => {
    const room = titleRoom({ ...base, boxW: 16 });
    const pxPerWorld = 0.94 * Math.min(base.viewH / base.boxH, base.viewW / (16 + room));
    // The title, at least 11 px an em, ends inside the room it was given.
    expect(base.titleEm * Math.max(base.emWorld, base.minPx / pxPerWorld)).toBeLessThanOrEqual(room - base.gap + 1e-6);
    expect(room).toBeGreaterThan(base.gap);
  });

  it('a long chain framed by its width: more room in world units (zoomed out), settled so the title still fits', () => {
    const short = titleRoom({ ...base, boxW: 16 });
    const long = titleRoom({ ...base, boxW: 100 });
    expect(long).toBeGreaterThan(short);
    const pxPerWorld = 0.94 * Math.min(base.viewH / base.boxH, base.viewW / (100 + long));
    expect(base.titleEm * (base.minPx / pxPerWorld) + base.gap).toBeCloseTo(long, 0);
  });

  it('larger labels ask for more room', () => {
    expect(titleRoom({ ...base, boxW: 16, minPx: 16 })).toBeGreaterThan(titleRoom({ ...base, boxW: 16 }));
  });
});
