import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Attribution } from '../../../src-shared/protocol/attribution';
import { FakeJobs } from '../../testing/fake-jobs';
import { compareRequest, COMPARE_DEFAULTS } from '../../../src-shared/jobs/attribution-compare';
import { CompareState } from './compare-state.svelte';
import CompareView from './CompareView.svelte';

let app: ReturnType<typeof mount> | null = null;
// jsdom has no 2D canvas: the painter leaves it alone (data-rows/cols still update).
beforeEach(() => vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));
afterEach(() => {
  vi.restoreAllMocks();
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
});

const byTestId = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const words = 'the plot dragged , but the music was superb , honestly .'.split(' ');
const verdict = (w: number[]): Attribution => ({ inputTokens: words, outputTokens: ['positive'], outputSteps: [words.length], matrix: [w] });

describe('CompareView (RNN, LSTM and GRU connectivity side by side)', () => {
  it('asks the host for the three cells, then draws a panel per cell with shares and a callout computed from them', async () => {
    const client = new FakeJobs();
    const compare = new CompareState(client);
    const target = document.createElement('div');
    document.body.append(target);
    app = mount(CompareView, { target, props: { compare } });
    byTestId(target, 'compare-start')!.click();
    flushSync();
    expect(client.started.map((j) => j.request)).toEqual([compareRequest(COMPARE_DEFAULTS)]);
    client.emit({ type: 'attribution-tick', cell: 'rnn', step: 300, testAccuracy: 0.97, attribution: verdict([0, 0, 0, 0, 0, 0, 0, 0, 0.1, 0.2, 0.3, 0.4]) });
    client.emit({ type: 'attribution-tick', cell: 'lstm', step: 300, testAccuracy: 1, attribution: verdict([0, 0, 0, 0, 0.5, 0, 0, 0, 0.2, 0, 0, 0.3]) });
    client.emit({ type: 'attribution-tick', cell: 'gru', step: 300, testAccuracy: 0.6, attribution: verdict([0.5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.5]) });
    client.emit({ type: 'done', durationMs: 10, results: [] });
    flushSync();
    for (const cell of ['rnn', 'lstm', 'gru']) {
      await vi.waitFor(() => expect(byTestId(target, `heatmap-compare-${cell}-canvas`)?.dataset.cols).toBe(String(words.length)));
    }
    const lstmShares = [...byTestId(target, 'compare-lstm-tokens')!.querySelectorAll<HTMLElement>('[data-share]')].map((e) => Number(e.dataset.share));
    expect(lstmShares[4]).toBeCloseTo(0.5, 12);
    expect(byTestId(target, 'compare-lstm-tokens')!.textContent).toContain('50%');
    const callout = byTestId(target, 'compare-callout')!.textContent ?? '';
    expect(callout).toContain('LSTM: 29% of the verdict’s attribution comes from the last 4 words before the closing “.”; its peak, “but”, lies 7 steps back.');
    expect(callout).toContain('GRU has not learned the task yet (60% held out)');
    expect(callout).toContain('the LSTM reaches furthest back: leaving out the closing “.”, 71% of its verdict’s weight lies before the last 4 words, against 0% for the vanilla RNN.');
    expect(byTestId(target, 'compare-lstm-notice')!.textContent).toContain('It leans most on “but”, 7 steps back (50% of the weight).');
  });
});
