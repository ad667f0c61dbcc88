import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import { FakeTrainer, installResizeObserverStub } from '../testing/fake-trainer';
import LabScreen from './LabScreen.svelte';
import { LabState } from './lab-state.svelte';

let app: ReturnType<typeof mount> | null = null;

function renderLab() {
  const trainer = new FakeTrainer();
  const lab = new LabState({ trainer, initialConfig: DEFAULT_CONFIG, scheduleAck: (ack) => ack(), configureDelayMs: 0 });
  const target = document.createElement('div');
  document.body.append(target);
  app = mount(LabScreen, { target, props: { lab } });
  trainer.emit({ type: 'configured', paramCount: 100, inputVocab: ['a'], outputVocab: ['b', 'c'] });
  flushSync();
  return { trainer, lab, target };
}

const status = (root: HTMLElement) => root.querySelector('[data-testid="lab-status"]')?.textContent?.trim();

describe('stop and speed controls', () => {
  beforeAll(installResizeObserverStub);
  afterEach(() => {
    if (app) unmount(app);
    app = null;
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  it('a target accuracy typed in the Lab reaches the trainer in the config, and turning it off removes it', () => {
    vi.useFakeTimers();
    const { trainer, target } = renderLab();
    const box = [...target.querySelectorAll<HTMLInputElement>('[data-testid="run-limits"] input[type="checkbox"]')][0];
    box.click();
    flushSync();
    const pct = target.querySelector<HTMLInputElement>('[data-testid="run-limits"] input[type="number"]')!;
    expect(pct.value).toBe('95');
    pct.value = '80';
    pct.dispatchEvent(new Event('change', { bubbles: true }));
    vi.runAllTimers();
    const configure = trainer.sent.filter((m) => m.type === 'configure').at(-1);
    expect(configure).toMatchObject({ type: 'configure', config: { stopAtAccuracy: 0.8 } });
    box.click();
    vi.runAllTimers();
    const off = trainer.sent.filter((m) => m.type === 'configure').at(-1);
    expect(off?.type === 'configure' && 'stopAtAccuracy' in off.config && off.config.stopAtAccuracy !== undefined).toBe(false);
  });

  it('the speed slider is a labelled range that sends a pace command, from 1 step a second to full speed', () => {
    const { trainer, target } = renderLab();
    const slider = target.querySelector<HTMLInputElement>('#lab-speed')!;
    expect(target.querySelector('label[for="lab-speed"]')?.textContent).toBe('Speed, steps a second');
    expect(slider.getAttribute('aria-valuetext')).toBe('full speed');
    slider.value = '0';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    expect(trainer.sent.at(-1)).toEqual({ type: 'pace', stepsPerSecond: 1 });
    expect(slider.getAttribute('aria-valuetext')).toBe('1');
    slider.value = '2';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    expect(trainer.sent.at(-1)).toEqual({ type: 'pace', stepsPerSecond: 5 });
    expect(slider.getAttribute('aria-valuetext')).toBe('5');
    slider.value = slider.max;
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    flushSync();
    expect(trainer.sent.at(-1)).toEqual({ type: 'pace', stepsPerSecond: 0 });
    expect(slider.getAttribute('aria-valuetext')).toBe('full speed');
  });

  it('the status line says when the run stopped by itself, and why', () => {
    const { trainer, target } = renderLab();
    trainer.emit({ type: 'status', state: 'paused', step: 640, message: '', stoppedBy: { kind: 'accuracy', accuracy: 0.965, target: 0.95, step: 640 } });
    flushSync();
    expect(status(target)).toBe('Stopped by itself at step 640: held-out accuracy 97% reached the target 95%. Train continues.');
    trainer.emit({ type: 'status', state: 'paused', step: 500, message: '', stoppedBy: { kind: 'steps', step: 500 } });
    flushSync();
    expect(status(target)).toBe('Stopped by itself at the step limit, step 500. Raise the limit to train on.');
    trainer.emit({ type: 'status', state: 'training', step: 500, message: '' });
    flushSync();
    expect(status(target)).toBe('Training.');
  });

  it('the status line warns when held-out accuracy collapses while training', () => {
    const { trainer, target } = renderLab();
    trainer.emit({ type: 'status', state: 'training', step: 0, message: '' });
    trainer.emit({ type: 'eval', result: { step: 9000, testAccuracy: 1, testLoss: 0, samples: [] } });
    flushSync();
    expect(status(target)).toBe('Training.');
    trainer.emit({ type: 'eval', result: { step: 21000, testAccuracy: 0.36, testLoss: 2, samples: [] } });
    flushSync();
    expect(status(target)).toBe('Training, but held-out accuracy has collapsed: it reached 100% at step 9,000 and is now 36%.');
    expect(target.querySelector('[data-testid="lab-status"]')?.getAttribute('data-tone')).toBe('warning');
  });
});
