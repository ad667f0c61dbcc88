import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import { DEMO_PRESETS, labConfigForDemo } from '../lesson/demo-presets';
import { FakeTrainer } from '../testing/fake-trainer';
import ConfigPanel from './ConfigPanel.svelte';
import { LabState } from './lab-state.svelte';
import LessonChangeNotice from './LessonChangeNotice.svelte';

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
});

function newLab() {
  return new LabState({ trainer: new FakeTrainer(), initialConfig: DEFAULT_CONFIG, scheduleAck: () => {}, configureDelayMs: 0 });
}

describe('a lesson demo never changes the Lab silently', () => {
  it('demos shown on the Gradients screen (vanishing, race, bidirectional tagging) leave the Lab as it is', () => {
    for (const id of ['vanishing', 'gates', 'bidirectional'] as const) expect(labConfigForDemo(DEMO_PRESETS[id], DEFAULT_CONFIG), id).toBeNull();
    // The Lab's own demos (the unrolled network) set the Lab up: that is what they open.
    expect(labConfigForDemo(DEMO_PRESETS.why, DEFAULT_CONFIG)).toMatchObject({ task: 'sentiment', cell: 'rnn' });
  });

  it('a change the lesson makes is announced in the Lab, with an undo that restores the learner\'s settings', () => {
    const lab = newLab();
    lab.applyFromLesson({ ...DEFAULT_CONFIG, task: 'pos-tagging', bidirectional: true });
    const target = document.body.appendChild(document.createElement('div'));
    app = mount(LessonChangeNotice, { target, props: { lab } });
    flushSync();
    const notice = target.querySelector('[data-testid="lesson-change"]');
    expect(notice?.textContent).toMatch(/lesson/i);
    expect(notice?.textContent).toMatch(/bidirectional/i);
    (notice?.querySelector('button[data-testid="lesson-change-undo"]') as HTMLButtonElement).click();
    flushSync();
    expect(lab.config).toEqual(DEFAULT_CONFIG);
    expect(target.querySelector('[data-testid="lesson-change"]')).toBeNull();
    lab.dispose();
  });

  it('applying what the Lab already has announces nothing', () => {
    const lab = newLab();
    lab.applyFromLesson({ ...DEFAULT_CONFIG });
    expect(lab.lessonChange).toBeNull();
    lab.dispose();
  });

  it('the set-up panel shows whether the network reads both ways, and turns it off', () => {
    const lab = newLab();
    lab.patch({ bidirectional: true });
    const target = document.body.appendChild(document.createElement('div'));
    app = mount(ConfigPanel, { target, props: { lab } });
    flushSync();
    const box = target.querySelector<HTMLInputElement>('input#bidirectional');
    expect(box?.checked).toBe(true);
    box!.click();
    flushSync();
    expect(lab.config.bidirectional).toBe(false);
    lab.dispose();
  });
});
