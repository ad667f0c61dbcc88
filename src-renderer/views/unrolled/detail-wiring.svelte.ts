import { untrack } from 'svelte';
import type { StepDetail } from '../../../src-shared/protocol/trainer-messages';
import type { DetailHistory } from './detail-history.svelte';
import { DetailIntake } from './detail-intake';

/**
 * Feed a view's history from its `detail` prop through a DetailIntake, for as long as the calling component lives
 * (call it while the component initialises: it sets up effects). `run` lists what makes a new run (model, task):
 * when any of it changes, the old run's details are forgotten.
 */
export function wireDetails(history: DetailHistory, detail: () => StepDetail | null, run: () => readonly unknown[]): void {
  const intake = new DetailIntake(history);
  $effect(() => {
    void run();
    untrack(() => intake.newRun());
  });
  $effect(() => {
    const d = detail();
    untrack(() => intake.offer(d));
  });
  $effect(() => () => {
    intake.dispose();
    history.dispose();
  });
}
