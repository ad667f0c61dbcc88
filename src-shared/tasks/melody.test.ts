import { describe, expect, it } from 'vitest';
import { EOS, makeTask } from './index';
import { melodyFor, MELODY_SEEDS, noteName } from './melody';

describe('melody', () => {
  it('names notes from C4 upwards', () => {
    expect(noteName(0)).toBe('C4');
    expect(noteName(13)).toBe('C#5');
    expect(noteName(23)).toBe('B5');
  });

  it('follows the seed\'s pattern from its root', () => {
    expect(melodyFor('C maj', 8)).toEqual(['C4', 'E4', 'G4', 'C5', 'G4', 'E4', 'C4', 'E4']);
    expect(melodyFor('A min', 6)).toEqual(['A4', 'C5', 'E5', 'A5', 'E5', 'C5']);
    expect(melodyFor('D scale', 9)).toEqual(['D4', 'E4', 'F#4', 'G4', 'A4', 'B4', 'C#5', 'D5', 'C#5']);
    expect(() => melodyFor('H maj', 8)).toThrow('unknown seed');
  });

  it('one input token per example; the target is `notes` notes then <eos>', () => {
    const d = makeTask('melody', { notes: 12 }, 1);
    expect(d.inputVocab).toEqual(MELODY_SEEDS);
    expect(d.outputVocab[0]).toBe(EOS);
    expect(d.outputVocab).toHaveLength(25);
    for (const e of d.train) {
      expect(e.input).toHaveLength(1);
      expect(e.target).toHaveLength(13);
      expect(e.target[12]).toBe(0);
      expect(d.formatOutput(e.target.slice(0, -1))).toBe(melodyFor(d.inputVocab[e.input[0]], 12).join(' '));
    }
  });

  it('every seed has one melody, so test and train hold the same 36 examples (the seed only reorders training)', () => {
    const a = makeTask('melody', {}, 1);
    const b = makeTask('melody', {}, 2);
    expect(a.train).toHaveLength(36);
    const sorted = (xs: typeof a.train) => [...xs].sort((x, y) => x.input[0] - y.input[0]);
    expect(sorted(a.train)).toEqual(sorted(b.train));
    expect(sorted(a.test)).toEqual(sorted(a.train));
  });
});
