import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameLoop, SOFTWARE_FRAME_MS } from './frame-loop';

function loop(software: boolean, playing = false) {
  const log: string[] = [];
  const state = { playing };
  const l: FrameLoop = new FrameLoop(
    software,
    () => {
      log.push('frame');
      l.present();
    },
    () => log.push('draw'),
    () => state.playing,
  );
  return { l, log, state };
}

describe('FrameLoop', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('hardware: request() runs the frame in the next animation frame and draws in it', () => {
    const { l, log } = loop(false);
    l.request();
    l.request();
    expect(l.pending).toBe(true);
    vi.advanceTimersToNextFrame();
    expect(log).toEqual(['frame', 'draw']);
    expect(l.pending).toBe(false);
  });

  it('software: the frame runs in a task of its own and the draw in the task after it', () => {
    const { l, log } = loop(true);
    l.request();
    l.request();
    vi.advanceTimersToNextTimer();
    expect(log).toEqual(['frame']);
    vi.advanceTimersToNextTimer();
    expect(log).toEqual(['frame', 'draw']);
    vi.runAllTimers();
    expect(log).toEqual(['frame', 'draw']);
  });

  it('software: while playing, frames are held SOFTWARE_FRAME_MS apart; paused, the next one comes at once', () => {
    const { l, log, state } = loop(true, true);
    l.request();
    vi.advanceTimersByTime(0);
    expect(log).toEqual(['frame']);
    l.request();
    vi.advanceTimersByTime(SOFTWARE_FRAME_MS - 1);
    expect(log.filter((e) => e === 'frame')).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(log.filter((e) => e === 'frame')).toHaveLength(2);
    state.playing = false;
    l.request();
    vi.advanceTimersByTime(0);
    expect(log.filter((e) => e === 'frame')).toHaveLength(3);
  });

  it('soon() skips the playing throttle', () => {
    const { l, log } = loop(true, true);
    l.request();
    vi.advanceTimersByTime(0);
    l.soon();
    vi.advanceTimersByTime(0);
    expect(log.filter((e) => e === 'frame')).toHaveLength(2);
  });

  it('software: a draw asked for while one is pending is not queued twice', () => {
    const { l, log } = loop(true);
    l.present();
    l.present();
    vi.runAllTimers();
    expect(log).toEqual(['draw']);
  });

  it('stop() cancels the pending frame and draw and ignores later requests', () => {
    for (const software of [false, true]) {
      const { l, log } = loop(software);
      l.request();
      l.present();
      l.stop();
      l.request();
      l.soon();
      vi.runAllTimers();
      vi.advanceTimersToNextFrame();
      expect(log).toEqual(software ? [] : ['draw']);
      expect(l.pending).toBe(false);
    }
  });
});
