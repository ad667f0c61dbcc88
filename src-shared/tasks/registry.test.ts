import { describe, expect, it } from 'vitest';
import { LIMITS } from '../protocol/training-config';
import { makeTask, TASK_IDS, TASK_REGISTRY, TASK_SPECS } from './index';
import type { TaskId } from './types';

/** Every combination of each knob at its minimum, default and maximum (others at default). */
function paramCorners(id: TaskId): Record<string, number>[] {
  const out: Record<string, number>[] = [{}];
  for (const p of TASK_SPECS[id].params) out.push({ [p.key]: p.min }, { [p.key]: p.max });
  return out;
}

describe('makeTask', () => {
  it('TASK_SPECS, TASK_REGISTRY and TASK_IDS list the same six tasks', () => {
    expect(Object.keys(TASK_SPECS).sort()).toEqual([...TASK_IDS].sort());
    for (const id of TASK_IDS) {
      expect(TASK_REGISTRY[id].spec).toBe(TASK_SPECS[id]);
      expect(TASK_SPECS[id].id).toBe(id);
    }
  });

  it.each(TASK_IDS)('%s: the same seed gives identical data', (id) => {
    const a = makeTask(id, {}, 7);
    const b = makeTask(id, {}, 7);
    expect(b.train).toEqual(a.train);
    expect(b.test).toEqual(a.test);
    expect(b.inputVocab).toEqual(a.inputVocab);
    expect(b.outputVocab).toEqual(a.outputVocab);
  });

  it.each(TASK_IDS)('%s: a different seed gives different training data', (id) => {
    expect(makeTask(id, {}, 8).train).not.toEqual(makeTask(id, {}, 7).train);
  });

  it.each(TASK_IDS)('%s: respects the vocabulary and length caps at every parameter extreme', (id) => {
    for (const params of paramCorners(id)) {
      const d = makeTask(id, params, 3);
      expect(d.inputVocab.length).toBeLessThanOrEqual(LIMITS.vocab);
      expect(d.outputVocab.length).toBeLessThanOrEqual(LIMITS.vocab);
      expect(d.train.length).toBeGreaterThan(0);
      expect(d.test.length).toBeGreaterThan(0);
      for (const e of [...d.train, ...d.test]) {
        expect(e.input.length).toBeLessThanOrEqual(LIMITS.seqLen);
        expect(e.target.length).toBeLessThanOrEqual(LIMITS.seqLen);
      }
    }
  });

  it.each(TASK_IDS)('%s: the spec is complete and its defaults lie in range', (id) => {
    const spec = TASK_SPECS[id];
    expect(spec.title.length).toBeGreaterThan(0);
    expect(spec.blurb.length).toBeGreaterThan(20);
    expect(spec.targetAccuracy).toBeGreaterThan(0);
    expect(spec.targetAccuracy).toBeLessThanOrEqual(1);
    for (const p of spec.params) {
      expect(p.default).toBeGreaterThanOrEqual(p.min);
      expect(p.default).toBeLessThanOrEqual(p.max);
    }
  });

  it('formatInput joins words with spaces and characters directly', () => {
    const words = makeTask('memory', {}, 1);
    expect(words.formatInput(words.train[0].input)).toMatch(/^[A-H]( \d){10} \?$/);
    const chars = makeTask('char-lm', {}, 1);
    const text = chars.formatInput(chars.train[0].input);
    expect(text).toHaveLength(32);
    expect(chars.formatOutput(chars.train[0].target).slice(0, 31)).toBe(text.slice(1));
  });
});

describe('parameter validation', () => {
  it('rejects an unknown parameter and names the known ones', () => {
    expect(() => makeTask('sentiment', { gapp: 3 }, 1)).toThrow('sentiment: unknown parameter "gapp" (this task\'s parameters: gap)');
    expect(() => makeTask('pos-tagging', { x: 1 }, 1)).toThrow('(this task\'s parameters: none)');
  });

  it('rejects a value out of range and names the range', () => {
    expect(() => makeTask('memory', { k: 101 }, 1)).toThrow('memory: parameter "k" must be in 1–100 (got 101)');
    expect(() => makeTask('memory', { k: 0 }, 1)).toThrow('parameter "k" must be in 1–100');
    expect(() => makeTask('sentiment', { gap: -1 }, 1)).toThrow('parameter "gap" must be in 0–40');
    expect(() => makeTask('number-words', { max: 1000 }, 1)).toThrow('parameter "max" must be in 99–999');
  });

  it('rejects a value off the step grid and a non-finite value', () => {
    expect(() => makeTask('memory', { k: 2.5 }, 1)).toThrow('parameter "k" must be a multiple of 1 in 1–100 (got 2.5)');
    expect(() => makeTask('melody', { notes: Number.NaN }, 1)).toThrow('parameter "notes" must be a number in 4–16');
  });

  it('rejects an unknown task and a fractional seed', () => {
    expect(() => makeTask('nope' as TaskId, {}, 1)).toThrow('unknown task "nope"');
    expect(() => makeTask('memory', {}, 1.5)).toThrow('seed must be a whole number');
  });
});
