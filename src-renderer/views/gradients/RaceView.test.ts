import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import RaceView from './RaceView.svelte';
import { JobChannel } from '../../backend/job-channel';
import { FakeJobLink } from '../../testing/fake-job-link';
import { FakeJobs } from '../../testing/fake-jobs';
import { RaceState } from './race-state.svelte';
import { HorizonState } from './sweep-state.svelte';

let app: ReturnType<typeof mount> | null = null;

// jsdom has no 2D canvas: getContext returns null, which the painter leaves alone (data-rows/cols still update).
beforeEach(() => vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));
afterEach(() => {
  vi.restoreAllMocks();
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
});

const byTestId = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
/** ∂L/∂h_t of a 4-unit model over 6 time steps. */
const DH = Array.from({ length: 6 }, (_, t) => [0.1, -0.01, 0.001, 1].map((g) => g * (t + 1)));

describe('RaceView heatmaps', () => {
  it('switch between ‖∂L/∂h_t‖ per training step and |∂L/∂h_t[j]| per hidden unit of the latest step', async () => {
    const client = new FakeJobs();
    const race = new RaceState(client);
    const target = document.createElement('div');
    document.body.append(target);
    app = mount(RaceView, { target, props: { race } });
    race.start();
    for (const cell of ['rnn', 'lstm', 'gru'] as const) {
      client.emit({
        type: 'race-tick', cell, points: [], evals: [],
        dhRows: [{ step: 1, dhNorms: DH.map((v) => Math.hypot(...v)) }], latestDh: { step: 1, dh: DH },
      });
    }
    await vi.waitFor(() => expect(byTestId(target, 'heatmap-race-heat-rnn-canvas')?.dataset.rows).toBe('1'));
    expect(byTestId(target, 'race-heat-mode')?.dataset.mode).toBe('steps');

    const units = byTestId(target, 'race-heat-mode-units') as HTMLInputElement;
    units.click();
    flushSync();
    expect(byTestId(target, 'race-heat-mode')?.dataset.mode).toBe('units');
    for (const cell of ['rnn', 'lstm', 'gru']) {
      expect(byTestId(target, `heatmap-race-heat-${cell}`)).toBeNull();
      const canvas = byTestId(target, `heatmap-race-units-${cell}-canvas`);
      expect([canvas?.dataset.rows, canvas?.dataset.cols]).toEqual(['4', '6']);
      expect(byTestId(target, `summary-race-units-${cell}`)?.textContent).toContain('training step 1, 4 units × 6 time steps');
    }
    expect(byTestId(target, 'heatmap-race-units-lstm')?.getAttribute('aria-label')).toBe(
      'LSTM: |∂L/∂h_t[j]|, latest step: gradient size by time step and hidden unit',
    );

    (byTestId(target, 'race-heat-mode-steps') as HTMLInputElement).click();
    flushSync();
    expect(byTestId(target, 'heatmap-race-heat-gru-canvas')?.dataset.rows).toBe('1');
    race.dispose();
  });

  it('a sweep started mid-race on the shared jobs API ends the race as cancelled, saying what replaced it', () => {
    const client = new JobChannel(new FakeJobLink());
    const race = new RaceState(client);
    const horizon = new HorizonState(client);
    const target = document.createElement('div');
    document.body.append(target);
    app = mount(RaceView, { target, props: { race } });
    race.start();
    flushSync();
    const summary = byTestId(target, 'race-summary');
    expect(summary?.dataset.status).toBe('running');
    expect(byTestId(target, 'race-cancel')).not.toBeNull();

    horizon.start();
    flushSync();
    expect(summary?.dataset.status).toBe('cancelled');
    expect(summary?.textContent).toContain('The race was cancelled: the memory-horizon sweep replaced it');
    expect(byTestId(target, 'race-cancel')).toBeNull();
    expect(byTestId(target, 'race-start')).not.toBeNull();

    // Starting the race again takes the host back, and the sweep is the one told it was replaced.
    byTestId(target, 'race-start')?.click();
    flushSync();
    expect([summary?.dataset.status, horizon.job.status, horizon.job.replacedBy]).toEqual(['running', 'cancelled', 'race']);
    expect(summary?.textContent).not.toContain('cancelled');
    race.dispose();
    client.dispose();
  });
  it('a trainer crash mid-race says the run was interrupted and offers to run it again; pause asks the host and shows it', () => {
    const link = new FakeJobLink();
    const race = new RaceState(new JobChannel(link));
    const target = document.createElement('div');
    document.body.append(target);
    app = mount(RaceView, { target, props: { race } });
    byTestId(target, 'race-start')?.click();
    flushSync();
    const id = link.commands[0].id;
    byTestId(target, 'race-pause')?.click();
    expect(link.commands.at(-1)).toEqual({ type: 'pause', id });
    link.deliver({ type: 'paused', id, paused: true });
    flushSync();
    expect(byTestId(target, 'race-pause')?.getAttribute('aria-pressed')).toBe('true');
    expect(byTestId(target, 'race-paused')?.textContent).toContain('Paused at');

    link.health({ kind: 'crashed', attempt: 1, reason: { code: 'trainer.hung', params: { seconds: 3.1 }, detail: 'trainer hung: no heartbeat for 3100 ms' }, restartInMs: 100 });
    flushSync();
    expect(byTestId(target, 'race-summary')?.dataset.status).toBe('error');
    expect(byTestId(target, 'race-interrupted')?.textContent).toBe(
      'The run was interrupted: the trainer stopped (it stopped answering for 3.1 s) and nothing of this run was kept.',
    );
    expect(byTestId(target, 'race-pause')).toBeNull();
    byTestId(target, 'race-retry')?.click();
    flushSync();
    // the new run waits for the replacement trainer, then starts there and is not ended by its restart
    expect(link.commands.filter((c) => c.type === 'start')).toHaveLength(1);
    expect([byTestId(target, 'race-summary')?.dataset.status, byTestId(target, 'race-interrupted')]).toEqual(['running', null]);
    link.health({ kind: 'restarted', attempt: 1, reason: { code: 'trainer.hung', params: { seconds: 3.1 }, detail: 'trainer hung: no heartbeat for 3100 ms' }, restoredStep: 12 });
    flushSync();
    expect(link.commands.filter((c) => c.type === 'start')).toHaveLength(2);
    expect([byTestId(target, 'race-summary')?.dataset.status, byTestId(target, 'race-interrupted')]).toEqual(['running', null]);
    race.dispose();
  });
});
