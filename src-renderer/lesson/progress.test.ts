import { describe, expect, it } from 'vitest';
import { LESSON_SECTION_IDS } from '../../src-shared/protocol/lesson-pack';
import { fractionDone, goTo, initialProgress, minutesLeft, next, previous, reconcile } from './progress';
import { roundMinutes, sectionMinutes } from './reading-time';
import { SECTIONS } from './sections';

const order = ['a', 'b', 'c', 'd'];
const mins: Record<string, number> = { a: 2, b: 3, c: 1.5, d: 4 };

describe('lesson progress', () => {
  it('starts at the first section with nothing done and the whole lesson left', () => {
    const p = initialProgress(order);
    expect(p).toEqual({ version: 1, currentSection: 'a', completed: [] });
    expect(minutesLeft(p, order, (id) => mins[id])).toBe(10.5);
    expect(fractionDone(p, order)).toBe(0);
  });

  it('counts a section as read when moving past it, not when going back', () => {
    let p = next(initialProgress(order), order);
    expect(p).toEqual({ version: 1, currentSection: 'b', completed: ['a'] });
    expect(minutesLeft(p, order, (id) => mins[id])).toBe(8.5);
    p = previous(p, order);
    expect(p).toEqual({ version: 1, currentSection: 'a', completed: ['a'] });
    p = goTo(p, order, 'd');
    expect(p.completed).toEqual(['a']);
    expect(p.currentSection).toBe('d');
    p = next(p, order);
    expect(p).toEqual({ version: 1, currentSection: 'd', completed: ['a', 'd'] });
    expect(minutesLeft(p, order, (id) => mins[id])).toBe(4.5);
    expect(fractionDone(p, order)).toBe(0.5);
  });

  it('stays put at the ends and ignores unknown ids', () => {
    expect(previous(initialProgress(order), order).currentSection).toBe('a');
    expect(goTo(initialProgress(order), order, 'zzz').currentSection).toBe('a');
  });

  it('reconciles a saved document with a lesson pack that teaches fewer sections', () => {
    const saved = { version: 1 as const, currentSection: 'c', completed: ['a', 'c', 'gone'] };
    expect(reconcile(saved, ['a', 'b'])).toEqual({ version: 1, currentSection: 'a', completed: ['a'] });
    expect(reconcile(null, order)).toEqual(initialProgress(order));
  });
});

describe('reading time', () => {
  it('gives every section a time and about fifteen minutes in all', () => {
    expect(SECTIONS.map((s) => s.id)).toEqual([...LESSON_SECTION_IDS]);
    for (const s of SECTIONS) expect(sectionMinutes(s)).toBeGreaterThan(0.75);
    const total = SECTIONS.reduce((sum, s) => sum + sectionMinutes(s), 0);
    expect(total).toBeGreaterThan(13);
    expect(total).toBeLessThan(17);
  });

  it('rounds to half minutes', () => {
    expect(roundMinutes(2.2)).toBe(2);
    expect(roundMinutes(2.3)).toBe(2.5);
    expect(roundMinutes(0.1)).toBe(0.5);
  });
});
