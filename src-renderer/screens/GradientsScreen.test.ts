import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import type { Backend } from '../backend/backend';
import { servicesContext } from '../app/services';
import { LabState } from '../lab/lab-state.svelte';
import { LiveFeed } from '../views/gradients/live-feed.svelte';
import { FakeTrainer, installResizeObserverStub } from '../testing/fake-trainer';
import GradientsScreen from './GradientsScreen.svelte';

let app: ReturnType<typeof mount> | null = null;

function renderScreen() {
  const trainer = new FakeTrainer();
  const lab = new LabState({ trainer, initialConfig: DEFAULT_CONFIG, scheduleAck: (ack) => ack() });
  // The experiments' jobs are started and stay silent: this test is about the live panel.
  const jobs = { start: () => ({ id: 1, cancel: () => {}, pause: () => {}, resume: () => {} }) };
  const backend = { trainer, jobs } as unknown as Backend;
  const target = document.createElement('div');
  document.body.append(target);
  const context = servicesContext({ backend, liveFeed: new LiveFeed(trainer) });
  app = mount(GradientsScreen, { target, props: { backend, lab, config: lab.config }, context });
  flushSync();
  const toggle = () => target.querySelector<HTMLButtonElement>('[data-testid="live-toggle"]');
  return { trainer, lab, toggle };
}

describe('the Gradients screen’s live panel drives the Lab’s run', () => {
  beforeAll(() => {
    installResizeObserverStub();
  });
  afterEach(() => {
    if (app) unmount(app);
    app = null;
    document.body.innerHTML = '';
  });

  it('offers Train once the Lab’s model is configured, and Train starts the Lab’s run', () => {
    const { trainer, lab, toggle } = renderScreen();
    expect(toggle(), 'the panel gets the Lab’s state from the shell').not.toBeNull();
    expect(toggle()!.disabled).toBe(true);
    trainer.emit({ type: 'configured', paramCount: 10, inputVocab: [], outputVocab: [] });
    trainer.emit({ type: 'status', state: 'idle', step: 0, message: '' });
    flushSync();
    expect(toggle()!.disabled).toBe(false);
    expect(toggle()!.textContent?.trim()).toBe('Train the Lab’s model');
    toggle()!.click();
    expect(trainer.sent.at(-1)).toEqual({ type: 'start' });
    trainer.emit({ type: 'status', state: 'training', step: 0, message: '' });
    flushSync();
    expect(lab.training).toBe(true);
    expect(toggle()!.textContent?.trim()).toBe('Pause the Lab’s model');
  });

  it('while the Lab trains, the same button pauses it, and the status line says what the Lab is doing', () => {
    const { trainer, toggle } = renderScreen();
    trainer.emit({ type: 'configured', paramCount: 10, inputVocab: [], outputVocab: [] });
    trainer.emit({ type: 'status', state: 'training', step: 4, message: '' });
    flushSync();
    toggle()!.click();
    expect(trainer.sent.at(-1)).toEqual({ type: 'pause' });
    trainer.emit({ type: 'status', state: 'paused', step: 4, message: '' });
    flushSync();
    expect(toggle()!.textContent?.trim()).toBe('Train the Lab’s model');
    expect(toggle()!.parentElement?.querySelector('[role="status"]')?.textContent).toMatch(/step 4/);
  });
});
