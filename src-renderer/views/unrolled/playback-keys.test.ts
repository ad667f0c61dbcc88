import { describe, expect, it } from 'vitest';
import { playbackKey } from './playback-keys';

function setup() {
  const did: string[] = [];
  return { did, playback: { stepBy: (d: number) => did.push(`step ${d}`), toggle: () => did.push('toggle') } };
}

describe('playbackKey', () => {
  it('arrows move through time and space plays or pauses', () => {
    const { did, playback } = setup();
    const target = document.createElement('div');
    expect(playbackKey({ key: 'ArrowRight', target }, playback)).toBe(true);
    expect(playbackKey({ key: 'ArrowLeft', target }, playback)).toBe(true);
    expect(playbackKey({ key: ' ', target }, playback)).toBe(true);
    expect(did).toEqual(['step 1', 'step -1', 'toggle']);
  });

  it('leaves other keys, and keys meant for inputs, selects and buttons, alone', () => {
    const { did, playback } = setup();
    expect(playbackKey({ key: 'Enter', target: document.createElement('div') }, playback)).toBe(false);
    for (const tag of ['input', 'select', 'button']) expect(playbackKey({ key: ' ', target: document.createElement(tag) }, playback)).toBe(false);
    expect(did).toEqual([]);
  });
});
