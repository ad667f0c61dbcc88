import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StepPoint } from '../../src-shared/protocol/trainer-events';
import { locale } from '../i18n/i18n.svelte';
import { installResizeObserverStub } from '../testing/fake-trainer';
import { LossHistory } from './history';
import LossChart from './LossChart.svelte';

const point = (step: number, accuracy = 0.5): StepPoint => ({ step, loss: 0.7, accuracy, gradNormBefore: 1, gradNormAfter: 1, clipped: false });

/** The chart's one-sentence description (its aria-label) after `steps` steps. */
function summary(steps: number, accuracy?: number): string {
  const history = new LossHistory();
  history.append(Array.from({ length: steps }, (_, i) => point(i + 1, accuracy)));
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(LossChart, { target, props: { history, version: 1 } });
  flushSync();
  const text = target.querySelector('[data-testid="loss-chart"]')?.getAttribute('aria-label') ?? '';
  unmount(app);
  target.remove();
  return text;
}

describe('LossChart’s description counts its steps in the right plural form', () => {
  beforeAll(installResizeObserverStub);
  afterEach(() => locale.set('en'));

  it('says "1 step" in the singular and "2 steps" in the plural, with and without accuracy', () => {
    expect(summary(1)).toMatch(/^Loss curve over 1 step: smoothed loss 0\.7/);
    expect(summary(2)).toMatch(/^Loss curve over 2 steps: smoothed loss/);
    expect(summary(1, Number.NaN)).toMatch(/^Loss curve over 1 step: smoothed loss [\d.]+\.$/);
    expect(summary(1200)).toMatch(/^Loss curve over 1,200 steps/);
  });

  it('in Spanish, "1 paso" and "2 pasos"; in French, "1 pas" and "1 200 pas"', () => {
    locale.set('es');
    expect(summary(1)).toMatch(/^Curva de pérdida en 1 paso: /);
    expect(summary(2)).toMatch(/^Curva de pérdida en 2 pasos: /);
    locale.set('fr');
    expect(summary(1)).toMatch(/^Courbe de perte sur 1 pas\u00a0: /);
    expect(summary(1200)).toMatch(/^Courbe de perte sur 1\u202f200 pas\u00a0: /);
  });
});
