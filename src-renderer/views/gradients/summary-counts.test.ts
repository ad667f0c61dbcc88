import { afterEach, describe, expect, it } from 'vitest';
import { locale } from '../../i18n/i18n.svelte';
import { describeRace } from './race-summary';
import { describeBidir } from './sweep-summary';

afterEach(() => locale.set('en'));

const dir = (ambiguousAccuracy: number, overall = 0.9) => ({ accuracy: [], counts: [], ambiguousAccuracy, overall });

describe('counted points in the race and bidirectional findings', () => {
  it('says "1 point" for a one-point lead, names the cell in lower case mid-sentence, and writes French and Spanish natively', () => {
    const results = [
      { cell: 'rnn' as const, testAccuracy: 0.8, testLoss: 0.5, steps: 300 },
      { cell: 'lstm' as const, testAccuracy: 0.81, testLoss: 0.4, steps: 300 },
    ];
    expect(describeRace(results, 2000, '12 steps')).toContain('The LSTM finished 1 point ahead of the vanilla RNN');
    expect(describeRace([results[0], { ...results[1], testAccuracy: 0.9 }], 2000, '12 steps')).toContain('10 points ahead');
    expect(describeBidir(dir(0.5), dir(0.51))).toContain('is worth 1 point where the next word decides');
    locale.set('fr');
    expect(describeRace(results, 2000, '12 pas')).toContain('Le LSTM termine avec 1 point d’avance sur le RNN simple');
    locale.set('es');
    expect(describeBidir(dir(0.5), dir(0.53))).toContain('aporta 3 puntos donde decide');
  });
});
