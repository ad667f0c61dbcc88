import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { DEFAULT_CONFIG, TrainingConfigSchema } from '../../src-shared/protocol/training-config';
import { DEMO_PRESETS, presetConfig } from './demo-presets';

describe('presetConfig(preset, base)', () => {
  it('gives every section with a Lab/Gradients button a valid configuration built on the current one', () => {
    const base = { ...DEFAULT_CONFIG, hiddenSize: 48, seed: 7 };
    for (const [id, preset] of Object.entries(DEMO_PRESETS)) {
      const config = presetConfig(preset, base);
      if (preset.view === 'shapes') {
        expect(config, id).toBeNull();
        continue;
      }
      expect(v.is(TrainingConfigSchema, config), id).toBe(true);
      expect(config).toMatchObject({ hiddenSize: 48, seed: 7 });
    }
  });

  it('sets the task, cell and knobs the preset is about', () => {
    expect(presetConfig(DEMO_PRESETS.why, DEFAULT_CONFIG)).toMatchObject({ task: 'sentiment', cell: 'rnn', taskParams: DEFAULT_CONFIG.taskParams });
    expect(presetConfig(DEMO_PRESETS.vanishing, DEFAULT_CONFIG)).toMatchObject({ cell: 'rnn', initKind: 'spectral', spectralRadius: 0.7 });
    expect(presetConfig(DEMO_PRESETS.gates, DEFAULT_CONFIG)).toMatchObject({ task: 'memory', cell: 'lstm', taskParams: { k: 50, symbols: 8 } });
    expect(presetConfig(DEMO_PRESETS.bidirectional, DEFAULT_CONFIG)).toMatchObject({ task: 'pos-tagging', cell: 'lstm', bidirectional: true });
  });
});
