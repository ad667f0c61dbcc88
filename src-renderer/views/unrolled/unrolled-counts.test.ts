import { flushSync, mount } from 'svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src-shared/protocol/training-config';
import { locale } from '../../i18n/i18n.svelte';
import { canvaslessComponents } from '../../testing/canvasless';
import { fakeDetail, stubResizeObserver } from './test-fixtures';
import UnrolledView from './UnrolledView.svelte';

/** The unrolled view's counted sentences take the singular for one (and, in French, for zero and one). */
const keep = canvaslessComponents();

function render(T: number, props: Record<string, unknown> = {}) {
  const target = document.createElement('div');
  document.body.append(target);
  const app = mount(UnrolledView, {
    target,
    props: { config: { ...DEFAULT_CONFIG, cell: 'rnn', hiddenSize: 4 }, detail: fakeDetail({ T, H: 4 }), shape: 'many-to-many', forceFallback: true, ...props },
  });
  keep(app);
  flushSync();
  return target;
}

const q = (root: HTMLElement, id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement;
const key = (root: HTMLElement, k: string) => {
  q(root, 'unrolled-view').dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
  flushSync();
};
const roll = (root: HTMLElement) => {
  const box = q(root, 'unrolled-toggle') as HTMLInputElement;
  box.click();
  flushSync();
};
const speeds = (root: HTMLElement) => [...root.querySelectorAll('select option')].map((o) => o.textContent?.trim()).slice(0, 2);

describe('counts in the unrolled view', () => {
  beforeAll(() => stubResizeObserver());
  afterEach(() => locale.set('en'));

  it('the speed menu says 1 step/s and 2 steps/s, in every language', () => {
    const root = render(3);
    expect(speeds(root)).toEqual(['1 step/s', '2 steps/s']);
    locale.set('fr');
    flushSync();
    expect(speeds(root)).toEqual(['1 pas/s', '2 pas/s']);
    locale.set('es');
    flushSync();
    expect(speeds(root)).toEqual(['1 paso/s', '2 pasos/s']);
  });

  it('a one-step chain: one copy of Whh in the badge, and the rolled view sees its single step', () => {
    const root = render(1);
    key(root, 'PageDown');
    expect(q(root, 'whh-badge').textContent).toMatch(/1 of 1 copy added/);
    roll(root);
    expect(q(root, 'unrolled-live').textContent).toMatch(/Unroll it to see its 1 step\./);
    locale.set('fr');
    flushSync();
    expect(q(root, 'unrolled-live').textContent).toMatch(/Déroulez-la pour voir son 1 pas\./);
    expect(q(root, 'whh-badge').textContent).toMatch(/1 sur 1 copie ajoutée/);
  });

  it('longer chains keep the plural, and the parameter count agrees with its number', () => {
    const root = render(4, { paramCount: 1, inputSize: 2, outputSize: 2, config: { ...DEFAULT_CONFIG, cell: 'rnn', hiddenSize: 4, layers: 2 } });
    roll(root);
    expect(q(root, 'unrolled-live').textContent).toMatch(/Unroll it to see all 4 steps\./);
    const readout = q(root, 'unrolled-readout').textContent ?? '';
    expect(readout).toMatch(/The model reports 1 parameter in all\./);
    expect(readout).toMatch(/\(2 cells in all/);
    locale.set('es');
    flushSync();
    expect(q(root, 'unrolled-readout').textContent).toMatch(/El modelo declara 1 parámetro en total\./);
    expect(q(root, 'unrolled-live').textContent).toMatch(/ver los 4 pasos\./);
  });
});
