import { describe, expect, it } from 'vitest';
import { chooseAudiencePlacement, type DisplayLike } from './audience-display';

const laptop: DisplayLike = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 }, internal: true };
const projector: DisplayLike = { id: 2, bounds: { x: 1440, y: 0, width: 1920, height: 1080 } };
const monitor: DisplayLike = { id: 3, bounds: { x: -1280, y: 0, width: 1280, height: 1024 } };

describe('chooseAudiencePlacement(displays, presenterDisplayId)', () => {
  it('puts the audience fullscreen on the display the presenter is not using', () => {
    expect(chooseAudiencePlacement([laptop, projector], 1)).toEqual({ fullscreen: true, bounds: projector.bounds, displayId: 2 });
    expect(chooseAudiencePlacement([laptop, projector], 2)).toEqual({ fullscreen: true, bounds: laptop.bounds, displayId: 1 });
  });

  it('prefers an external display over a built-in panel, then the largest', () => {
    expect(chooseAudiencePlacement([laptop, monitor, projector], 3)).toMatchObject({ displayId: 2 });
    expect(chooseAudiencePlacement([laptop, monitor, projector], null)).toMatchObject({ displayId: 2 });
    expect(chooseAudiencePlacement([projector, { ...monitor, id: 4 }, laptop], 2)).toMatchObject({ displayId: 4 });
  });

  it('opens an ordinary window when there is only one display (or none is usable)', () => {
    expect(chooseAudiencePlacement([laptop], 1)).toEqual({ fullscreen: false });
    expect(chooseAudiencePlacement([laptop], null)).toEqual({ fullscreen: false });
    expect(chooseAudiencePlacement([], null)).toEqual({ fullscreen: false });
    expect(chooseAudiencePlacement([laptop, { id: 9, bounds: { x: 0, y: 0, width: 0, height: 0 } }], 1)).toEqual({ fullscreen: false });
  });
});
