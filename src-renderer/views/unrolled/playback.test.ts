import { describe, expect, it, vi } from 'vitest';
import { animate, Playback } from './playback.svelte';

describe('Playback', () => {
  it('runs the forward pass left to right, then the backward pass right to left', () => {
    const p = new Playback();
    p.setLength(3);
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      seen.push(`${p.pass[0]}${p.step}`);
      p.stepBy(1);
    }
    expect(seen).toEqual(['f0', 'f1', 'f2', 'b2', 'b1', 'b0']);
    expect(p.pos).toBe(0);
  });

  it('tick advances speed steps per second while playing', () => {
    const p = new Playback();
    p.setLength(10);
    p.speed = 4;
    expect(p.tick(1000)).toBe(false);
    p.toggle();
    p.tick(250);
    p.tick(250);
    expect(p.pos).toBe(2);
  });

  it('reduced motion keeps every step whole (no fade)', () => {
    const p = new Playback();
    p.setLength(10);
    p.reducedMotion = true;
    p.toggle();
    p.tick(100);
    expect(p.frac).toBe(1);
  });

  it('setLength keeps the pass and clamps the step', () => {
    const p = new Playback();
    p.setLength(10);
    p.seek(15); // backward, step 4
    p.setLength(3);
    expect(p.pass).toBe('backward');
    expect(p.step).toBe(2);
  });

  it('seekStep moves within the current pass; stepBy wraps', () => {
    const p = new Playback();
    p.setLength(5);
    p.stepBy(-1);
    expect(p.pass).toBe('backward');
    expect(p.step).toBe(0);
    p.seekStep(3);
    expect(p.step).toBe(3);
    expect(p.pass).toBe('backward');
  });

  it('animate ticks the clock by each animation frame until stopped', () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
    try {
      const p = new Playback();
      p.setLength(10);
      p.speed = 4;
      p.toggle();
      const stop = animate(p);
      for (let i = 0; i < 32; i++) vi.advanceTimersToNextFrame();
      expect(p.pos).toBe(2);
      stop();
      for (let i = 0; i < 64; i++) vi.advanceTimersToNextFrame();
      expect(p.pos).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
