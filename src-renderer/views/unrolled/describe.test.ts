import { afterEach, describe, expect, it } from 'vitest';
import { locale } from '../../i18n/i18n.svelte';
import { chainFromDetail } from './chain-data';
import { describeState, formatVector } from './describe';
import { formatNorm } from './grad-scale';
import { fakeDetail, fakeTwoLayerBidir } from './test-fixtures';

const T = 4, H = 4;
const traced = fakeTwoLayerBidir(T, H).chains!;
const oneLayer = () => chainFromDetail(fakeDetail({ T, H }), 'many-to-many', { hiddenSize: H, bidirectional: false });
const twoLayers = () => chainFromDetail({ ...fakeDetail({ T, H }), chains: { lower: traced.lower } }, 'many-to-many', { hiddenSize: H, bidirectional: false });
const bidirTwoLayers = () => chainFromDetail(fakeTwoLayerBidir(T, H), 'many-to-many', { hiddenSize: H, bidirectional: true });

describe('describeState (the screen reader’s text)', () => {
  afterEach(() => locale.set('en'));

  it('one layer: says nothing of a layer 1', () => {
    expect(describeState(oneLayer(), 'forward', 1, false)).not.toMatch(/layer/i);
    expect(describeState(oneLayer(), 'backward', 1, false)).not.toMatch(/layer/i);
  });

  it('two layers, forward pass: also reads the state layer 1 passes up at the step', () => {
    const chain = twoLayers();
    const text = describeState(chain, 'forward', 2, false);
    expect(text).toContain(`Layer 1 passes up hidden state ${formatVector(chain.steps[2].hLower, 3)}.`);
    // The top layer's own state is still there, and differs from layer 1's.
    expect(text).toContain(formatVector(chain.steps[2].h, 3));
    expect(formatVector(chain.steps[2].h, 3)).not.toBe(formatVector(chain.steps[2].hLower, 3));
  });

  it('two layers, backward pass: also the norm of the gradient reaching layer 1’s state', () => {
    const chain = twoLayers();
    const norm = formatNorm(chain.steps[1].dhNormLower);
    expect(describeState(chain, 'backward', 1, false)).toContain(`In layer 1 its norm is ${norm}.`);
    expect(norm).not.toBe(formatNorm(chain.steps[1].dhNorm));
  });

  it('bidirectional, two layers: both of layer 1’s chains, forward and backward', () => {
    const chain = bidirTwoLayers();
    const s = chain.steps[1];
    expect(describeState(chain, 'forward', 1, false)).toContain(`Layer 1 passes up ${formatVector(s.hLower, 3)} left to right and ${formatVector(s.hLowerBack, 3)} right to left.`);
    expect(describeState(chain, 'backward', 1, false)).toContain(`In layer 1: norm ${formatNorm(s.dhNormLower)} left to right, ${formatNorm(s.dhNormLowerBack)} right to left.`);
  });

  it('in French and Spanish too', () => {
    const chain = bidirTwoLayers();
    locale.set('fr');
    expect(describeState(chain, 'forward', 0, false)).toContain('La couche 1 transmet');
    expect(describeState(twoLayers(), 'backward', 0, false)).toContain('Dans la couche 1, sa norme est');
    locale.set('es');
    expect(describeState(chain, 'backward', 0, false)).toContain('En la capa 1:');
    expect(describeState(twoLayers(), 'forward', 0, false)).toContain('La capa 1 pasa hacia arriba el estado oculto');
  });

  it('rolled, or before any trace: no per-step sentence about layer 1', () => {
    expect(describeState(twoLayers(), 'forward', 0, true)).not.toMatch(/layer 1/i);
  });
});
