import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import { FakeTrainer, installResizeObserverStub, points } from '../testing/fake-trainer';
import LabScreen from './LabScreen.svelte';
import { LabState } from './lab-state.svelte';

let app: ReturnType<typeof mount> | null = null;

function renderLab() {
  const trainer = new FakeTrainer();
  const lab = new LabState({ trainer, initialConfig: DEFAULT_CONFIG, scheduleAck: (ack) => ack() });
  const target = document.createElement('div');
  document.body.append(target);
  app = mount(LabScreen, { target, props: { lab } });
  flushSync();
  return { trainer, lab, target };
}

const button = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement;

describe('LabScreen', () => {
  beforeAll(installResizeObserverStub);
  afterEach(() => {
    if (app) unmount(app);
    app = null;
    document.body.innerHTML = '';
  });

  it('disables the controls until the model is configured, then shows the parameter count', () => {
    const { trainer, target } = renderLab();
    expect(button(target, 'Train').disabled).toBe(true);
    expect(target.querySelector('[role="status"]')?.textContent).toMatch(/Starting the trainer/);
    trainer.emit({ type: 'configured', paramCount: 2930, inputVocab: ['a'], outputVocab: ['b', 'c'] });
    trainer.emit({ type: 'status', state: 'idle', step: 0, message: '' });
    flushSync();
    expect(button(target, 'Train').disabled).toBe(false);
    expect(button(target, 'Pause').disabled).toBe(true);
    expect(target.querySelector('[data-testid="metric-params"]')?.textContent).toBe('2,930');
    // an older trainer says nothing about its kernels, so neither does the strip
    expect(target.querySelector('[data-testid="metric-kernels"]')).toBeNull();
    trainer.emit({ type: 'configured', paramCount: 2930, inputVocab: ['a'], outputVocab: ['b', 'c'], kernels: 'wasm-simd' });
    flushSync();
    expect(target.querySelector('[data-testid="metric-kernels"]')?.textContent).toBe('(WebAssembly SIMD)');
  });

  it('the two-layer box stacks a second layer in the config and unticks back to one layer', () => {
    const { trainer, lab, target } = renderLab();
    trainer.emit({ type: 'configured', paramCount: 10, inputVocab: [], outputVocab: [] });
    trainer.emit({ type: 'status', state: 'idle', step: 0, message: '' });
    flushSync();
    const box = target.querySelector<HTMLInputElement>('#two-layers')!;
    expect(box.checked).toBe(false);
    box.click();
    flushSync();
    expect(lab.config.layers).toBe(2);
    box.click();
    flushSync();
    expect(lab.config.layers).toBe(1);
  });

  it('Train sends start; while training Pause is the enabled one', () => {
    const { trainer, target } = renderLab();
    trainer.emit({ type: 'configured', paramCount: 10, inputVocab: [], outputVocab: [] });
    trainer.emit({ type: 'status', state: 'idle', step: 0, message: '' });
    flushSync();
    button(target, 'Train').click();
    expect(trainer.sent.at(-1)).toEqual({ type: 'start' });
    trainer.emit({ type: 'status', state: 'training', step: 0, message: '' });
    flushSync();
    expect(button(target, 'Train').disabled).toBe(true);
    expect(button(target, 'Pause').disabled).toBe(false);
    expect(target.querySelector('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
  });

  it('draws the loss curve from stats and shows the smoothed loss', () => {
    const { trainer, target } = renderLab();
    trainer.emit({ type: 'stats', seq: 1, points: points(1, 300, (s) => 2 / s), detail: null, stepsPerSecond: 55 });
    flushSync();
    const paths = [...target.querySelectorAll('svg path.line')].map((p) => p.getAttribute('d') ?? '');
    expect(paths.length).toBeGreaterThanOrEqual(2);
    expect(paths.every((d) => d.startsWith('M'))).toBe(true);
    const loss = target.querySelector('[data-testid="metric-loss"]');
    expect(Number(loss?.getAttribute('data-first'))).toBe(2);
    expect(Number(loss?.getAttribute('data-value'))).toBeLessThan(0.5);
    expect(target.querySelector('[data-testid="metric-rate"]')?.textContent).toBe('55');
    expect(trainer.sent.at(-1)).toEqual({ type: 'ack', seq: 1 });
  });

  it('lists held-out samples with right and wrong answers marked', () => {
    const { trainer, target } = renderLab();
    trainer.emit({
      type: 'eval',
      result: {
        step: 100,
        testAccuracy: 0.5,
        testLoss: 0.6,
        samples: [
          { input: 'the plot was good', target: 'positive', output: 'positive' },
          { input: 'the plot was not good', target: 'negative', output: 'positive' },
        ],
      },
    });
    flushSync();
    const rows = target.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('(correct)');
    expect(rows[1].textContent).toContain('(wrong)');
    expect(target.querySelector('[data-testid="metric-test-accuracy"]')?.textContent).toBe('50.0%');
  });

  it('keyboard shortcuts reach the lab but not while typing in the seed box', () => {
    const { trainer, target } = renderLab();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 's' }));
    expect(trainer.sent.at(-1)).toEqual({ type: 'step', count: 1 });
    const seed = target.querySelector('#seed-input') as HTMLInputElement;
    seed.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', bubbles: true }));
    expect(trainer.sent.at(-1)).toEqual({ type: 'step', count: 1 });
  });

  it('moving the hidden-size slider edits the config', () => {
    const { lab, target } = renderLab();
    const slider = target.querySelector('#hidden-size') as HTMLInputElement;
    slider.value = '40';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    expect(lab.config.hiddenSize).toBe(40);
    expect(target.querySelector('output[for="hidden-size"]')?.textContent).toBe('40 units');
  });
});
