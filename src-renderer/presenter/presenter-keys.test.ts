import { describe, expect, it } from 'vitest';
import { exitCloses, moveSlide, presenterAction } from './presenter-keys';

const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('presenter keys', () => {
  it('maps clicker and keyboard keys', () => {
    expect(presenterAction(key('PageDown'))).toBe('next');
    expect(presenterAction(key('ArrowRight'))).toBe('next');
    expect(presenterAction(key(' '))).toBe('next');
    expect(presenterAction(key('PageUp'))).toBe('previous');
    expect(presenterAction(key('ArrowLeft'))).toBe('previous');
    expect(presenterAction(key('b'))).toBe('blank');
    expect(presenterAction(key('B'))).toBe('blank');
    expect(presenterAction(key('Escape'))).toBe('exit');
    expect(presenterAction(key('x'))).toBeNull();
    expect(presenterAction(key('b', { ctrlKey: true }))).toBeNull();
  });

  it('a clicker reaches the speaker notes: F5 (or Shift+F5) opens them, Escape closes them before it leaves', () => {
    expect(presenterAction(key('F5'))).toBe('notesOpen');
    expect(presenterAction(key('F5', { shiftKey: true }))).toBe('notesOpen');
    expect(presenterAction(key('.'))).toBe('blank');
    expect(exitCloses(true, false)).toBe('notes');
    expect(exitCloses(false, false)).toBe('presenter');
    // With an audience window the notes are always on the console: Escape leaves at once.
    expect(exitCloses(true, true)).toBe('presenter');
  });

  it('clamps the slide index', () => {
    expect(moveSlide(0, 'previous', 7)).toBe(0);
    expect(moveSlide(6, 'next', 7)).toBe(6);
    expect(moveSlide(3, 'next', 7)).toBe(4);
    expect(moveSlide(3, 'last', 7)).toBe(6);
    expect(moveSlide(3, 'blank', 7)).toBe(3);
  });
});
