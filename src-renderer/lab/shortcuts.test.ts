import { describe, expect, it } from 'vitest';
import { shortcutFor, type KeyLike } from './shortcuts';

const key = (k: string, target: EventTarget | null = document.body, extra: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...extra,
});

describe('shortcutFor', () => {
  it('maps Space, S and R to toggle, step and reset', () => {
    expect(shortcutFor(key(' '))).toBe('toggle');
    expect(shortcutFor(key('s'))).toBe('step');
    expect(shortcutFor(key('S'))).toBe('step');
    expect(shortcutFor(key('r'))).toBe('reset');
    expect(shortcutFor(key('x'))).toBeNull();
  });

  it('ignores keys typed into inputs and pressed on buttons', () => {
    const input = document.createElement('input');
    const button = document.createElement('button');
    const select = document.createElement('select');
    expect(shortcutFor(key('s', input))).toBeNull();
    expect(shortcutFor(key(' ', button))).toBeNull();
    expect(shortcutFor(key('r', select))).toBeNull();
  });

  it('ignores modified and repeated keys', () => {
    expect(shortcutFor(key('r', document.body, { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('s', document.body, { metaKey: true }))).toBeNull();
    expect(shortcutFor(key(' ', document.body, { repeat: true }))).toBeNull();
  });
});
