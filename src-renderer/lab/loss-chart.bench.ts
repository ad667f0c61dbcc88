/**
 * What one stats message costs the loss chart once the history is long (jsdom: script and DOM updates, no layout
 * or paint). Run: nice -n 19 npx vitest bench --run --project dom src-renderer/lab/loss-chart.bench.ts
 */
import { flushSync, mount, unmount } from 'svelte';
import { bench, describe } from 'vitest';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import { FakeTrainer, installResizeObserverStub, points } from '../testing/fake-trainer';
import { LabState } from './lab-state.svelte';
import LossChart from './LossChart.svelte';

/** Per-batch loss as in a real run: decaying, noisy, with a rare spike. */
const loss = (step: number) =>
  2 / Math.sqrt(step) + 0.3 * ((Math.sin(step * 12.9898) * 43758.5453) % 1) ** 2 + (step % 997 === 0 ? 3 : 0);
const PER_MESSAGE = 20;

function chartAfter(steps: number) {
  installResizeObserverStub();
  const trainer = new FakeTrainer();
  const lab = new LabState({ trainer, initialConfig: DEFAULT_CONFIG, scheduleAck: (ack) => ack() });
  const target = document.body.appendChild(document.createElement('div'));
  const app = mount(LossChart, {
    target,
    props: {
      get history() {
        return lab.history;
      },
      get version() {
        return lab.historyVersion;
      },
    },
  });
  let next = 1;
  let seq = 0;
  const message = (count: number) => {
    const batch = points(next, next + count - 1, loss);
    trainer.emit({ type: 'stats', seq: ++seq, points: batch, detail: null, stepsPerSecond: 100 });
    next += count;
    flushSync();
  };
  message(steps);
  return {
    message,
    dispose: () => {
      unmount(app);
      target.remove();
      lab.dispose();
    },
  };
}

describe(`LossChart: one stats message of ${PER_MESSAGE} steps`, () => {
  for (const steps of [1_000, 20_000, 100_000]) {
    let chart: ReturnType<typeof chartAfter> | null = null;
    bench(`after ${steps.toLocaleString('en')} steps`, () => chart?.message(PER_MESSAGE), {
      time: 0,
      iterations: 300,
      warmupTime: 0,
      warmupIterations: 30,
      setup: () => {
        chart = chartAfter(steps);
      },
      teardown: () => {
        chart?.dispose();
        chart = null;
      },
    });
  }
});
