import { flushSync, mount, unmount } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StepDetail, TrainerEvent } from '../../src-shared/protocol/trainer-messages';
import App from '../App.svelte';
import { t } from '../i18n/i18n.svelte';
import { fakeBridge } from '../testing/fake-bridge';
import { installResizeObserverStub, points } from '../testing/fake-trainer';

/**
 * Defect 11: the Gradients screen's live heatmap recorded only from the moment the screen opened, and told the
 * learner to "start or resume training in the Lab tab" while the Lab was training. These tests run the whole shell
 * (App.svelte on the desktop backend, with the trainer played over a fake training port) and open the screen
 * after the run has trained for a while.
 */

/** The training port main hands the page: records what the page sends; `emit` plays the trainer. */
class FakePort {
  readonly sent: unknown[] = [];
  onmessage: ((e: { data: unknown }) => void) | null = null;
  postMessage(message: unknown): void {
    this.sent.push(message);
    if ((message as { type?: string }).type === 'sync') queueMicrotask(() => this.emit({ type: 'synced', config: null }));
  }
  start(): void {}
  close(): void {}
  emit(event: TrainerEvent): void {
    this.onmessage?.({ data: event });
  }
}

/** Hand the page its training port, as the preload does (a window message with the port attached). */
function deliverPort(port: FakePort): void {
  const event = new Event('message');
  Object.assign(event, { source: window, data: { rnnLabTrainerPort: true }, ports: [port] });
  window.dispatchEvent(event);
}

function detail(step: number): StepDetail {
  const T = 6;
  return {
    step, dhNorms: Array.from({ length: T }, (_, t) => 0.5 ** (T - t)), hidden: [], gates: {}, whhContrib: [],
    spectralRadius: 1, inputTokens: [], outputTokens: [], targetTokens: [],
  };
}

/** What the trainer sends for a run configured and trained for `steps` steps, one stats message (with its trace) per step. */
function train(port: FakePort, steps: number, from = 1): void {
  if (from === 1) {
    port.emit({ type: 'configured', paramCount: 100, inputVocab: ['a'], outputVocab: ['b'] });
    port.emit({ type: 'status', state: 'training', step: 0, message: 'Training' });
  }
  for (let s = from; s < from + steps; s++) {
    port.emit({ type: 'stats', seq: s, points: points(s, s), detail: detail(s), stepsPerSecond: 50 });
  }
}

let app: ReturnType<typeof mount> | null = null;
beforeEach(() => {
  installResizeObserverStub();
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  vi.restoreAllMocks();
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
  Reflect.deleteProperty(window, 'rnnLab');
  history.replaceState(null, '', '#');
});

async function startOnLab(): Promise<FakePort> {
  Object.defineProperty(window, 'rnnLab', { value: fakeBridge().bridge, configurable: true });
  history.replaceState(null, '', '#lab');
  app = mount(App, { target: document.body });
  const port = new FakePort();
  // The shell creates its backend asynchronously: hand the port over once the page listens for it.
  await vi.waitFor(() => {
    deliverPort(port);
    expect(port.sent).toContainEqual({ type: 'sync' });
  });
  return port;
}

async function openGradients(): Promise<HTMLElement> {
  history.replaceState(null, '', '#gradients');
  window.dispatchEvent(new HashChangeEvent('hashchange'));
  // The first load transforms the lazily loaded screen's modules.
  return vi.waitFor(
    () => {
      const canvas = document.querySelector<HTMLElement>('[data-testid="heatmap-live-heat-canvas"]');
      expect(canvas).not.toBeNull();
      return canvas!;
    },
    { timeout: 50_000 },
  );
}

const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();

describe('the Gradients screen’s live heatmap (defect 11)', () => {
  it('holds the Lab’s run from its first step when the screen opens mid-run, and says the Lab is training', async () => {
    const port = await startOnLab();
    train(port, 30);
    const canvas = await openGradients();
    flushSync();
    expect(canvas.dataset.rows).toBe('30');
    expect(text('live-status')).toBe(t('ui.live.training'));
    expect(document.body.textContent).not.toContain('Start or resume training in the Lab tab');
    expect(text('live-recorded')).toBe(t('ui.live.recordedAll', { rows: 30 }));

    // It keeps recording while the screen is open, and says so when the Lab pauses.
    train(port, 5, 31);
    port.emit({ type: 'status', state: 'paused', step: 35, message: 'Paused' });
    await vi.waitFor(() => expect(canvas.dataset.rows).toBe('35'));
    expect(text('live-status')).toBe(t('ui.live.paused', { step: 35 }));
  }, 60_000);

  it('says when this window joined a run in progress, whose earlier steps the trainer kept without traces', async () => {
    const port = await startOnLab();
    // A reload mid-run: the trainer replays the run's history (no gradient rows), then training goes on.
    port.emit({ type: 'configured', paramCount: 100, inputVocab: ['a'], outputVocab: ['b'] });
    port.emit({ type: 'stats', seq: 1, points: points(1, 40), detail: null, stepsPerSecond: 0 });
    port.emit({ type: 'status', state: 'training', step: 40, message: 'Reconnected' });
    train(port, 3, 41);
    await openGradients();
    flushSync();
    expect(text('live-recorded')).toBe(t('ui.live.recordedFrom', { step: 41, rows: 3 }));
    port.emit({ type: 'status', state: 'idle', step: 43, message: 'Stopped' });
    flushSync();
    expect(text('live-status')).toBe(t('ui.live.idle', { step: 43 }));
  }, 60_000);
});
