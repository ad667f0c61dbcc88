import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import { en } from '../i18n/en';
import { interpolate } from '../i18n/i18n.svelte';
import { decay, engineParamCount, headCount, lessonFacts, rnnCellCount } from './facts';
import { formatSci } from '../i18n/format';
import { createModel } from '../../src-shared/engine/index';
import { modelConfigFor } from '../../src-shared/session/run';
import { makeTask } from '../../src-shared/tasks/index';

describe('lesson facts', () => {
  it('the engine counts exactly H·I + H·H + H + O·H + O for a vanilla RNN', () => {
    for (const [I, H, O] of [[3, 4, 2], [85, 24, 2], [10, 64, 9]]) {
      expect(engineParamCount('rnn', I, H, O)).toBe(rnnCellCount(I, H) + headCount(H, O));
    }
  });

  it('gated cells cost about three (GRU) and four (LSTM) vanilla cells', () => {
    const [I, H, O] = [10, 32, 5];
    const head = headCount(H, O);
    expect(engineParamCount('lstm', I, H, O) - head).toBe(4 * rnnCellCount(I, H));
    expect(engineParamCount('gru', I, H, O) - head).toBeGreaterThanOrEqual(3 * rnnCellCount(I, H));
  });

  it('on Melody with a vanilla RNN the lesson\'s formula, its engine count and the Lab\'s count are one number', () => {
    const config = { ...DEFAULT_CONFIG, task: 'melody' as const, cell: 'rnn' as const };
    const f = lessonFacts(config);
    const task = makeTask(config.task, config.taskParams, config.seed);
    // the generator's cell reads the seed, the previous output and the start flag side by side
    expect(f.I).toBe(task.inputVocab.length + task.outputVocab.length + 1);
    expect(Number(f.cellCount) + Number(f.headCount)).toBe(f.engineCount);
    expect(f.engineCount).toBe(f.labCount);
    expect(f.labCount).toBe(createModel(modelConfigFor(config, task)).paramCount);
  });

  it('computes the worked example instead of quoting it', () => {
    expect(formatSci(decay(0.7, 100))).toBe('4.6 × 10⁻¹⁶');
    expect(formatSci(decay(0.7, 99))).toBe('6.6 × 10⁻¹⁶');
    expect(formatSci(decay(0.7, 101))).toBe('3.2 × 10⁻¹⁶');
    expect(formatSci(0.5)).toBe('0.5');
  });

  it('fills every {slot} of the lesson prose for the default configuration', () => {
    const facts = lessonFacts(DEFAULT_CONFIG);
    for (const [key, text] of Object.entries(en)) {
      if (!key.startsWith('lesson.')) continue;
      expect(interpolate(text, facts).replace(/\$[^$]*\$/g, ''), key).not.toMatch(/\{\w+\}/);
    }
  });

  it('states no digits in the lesson prose: every number comes from the engine', () => {
    for (const [key, text] of Object.entries(en)) {
      if (!key.startsWith('lesson.')) continue;
      // Constants of the mathematics (indices, the bounds of tanh) sit inside $…$ and are allowed.
      const prose = text.replace(/\$[^$]*\$/g, '');
      expect(prose, key).not.toMatch(/\d/);
    }
  });
});
