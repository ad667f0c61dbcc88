import { describe, expect, it, vi } from 'vitest';
import type { TrainerHealth } from '../../src-shared/protocol/ipc-contract';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import { ElectronBackend } from './electron-backend';
import { fakeBridge } from '../testing/fake-bridge';

/** jsdom's MessageEvent will not carry Node's MessagePort, so hand the backend a duck-typed event. */
function deliverPort(port: MessagePort, source: unknown = window): void {
  const e = new Event('message') as Event & { data: unknown; source: unknown; ports: MessagePort[] };
  Object.defineProperties(e, {
    data: { value: { rnnLabTrainerPort: true } },
    source: { value: source },
    ports: { value: [port] },
  });
  window.dispatchEvent(e);
}

const tick = () => new Promise((r) => setTimeout(r, 20));

describe('ElectronBackend', () => {
  it('asks main for a trainer port, queues commands until it arrives, then streams both ways', async () => {
    const { bridge } = fakeBridge();
    const backend = new ElectronBackend(bridge, window);
    expect(bridge.requestTrainerPort).toHaveBeenCalledWith(null);
    backend.trainer.send({ type: 'configure', config: DEFAULT_CONFIG });

    const channel = new MessageChannel();
    const received: unknown[] = [];
    channel.port2.onmessage = (e) => received.push(e.data);
    deliverPort(channel.port1);
    const events: unknown[] = [];
    backend.trainer.onEvent((e) => events.push(e));
    channel.port2.postMessage({ type: 'ready', protocolVersion: 1 });
    await tick();
    expect(received).toEqual([{ type: 'configure', config: DEFAULT_CONFIG }]);
    expect(events).toEqual([{ type: 'ready', protocolVersion: 1 }]);

    // A restarted trainer comes with a new port: switch to it, re-send nothing.
    const second = new MessageChannel();
    const received2: unknown[] = [];
    second.port2.onmessage = (e) => received2.push(e.data);
    deliverPort(second.port1);
    backend.trainer.send({ type: 'pause' });
    await tick();
    expect(received2).toEqual([{ type: 'pause' }]);
    backend.dispose();
    second.port2.close();
    channel.port2.close();
  });

  it('ignores port messages that do not come from this window', async () => {
    const { bridge } = fakeBridge();
    const backend = new ElectronBackend(bridge, window);
    const channel = new MessageChannel();
    const received: unknown[] = [];
    channel.port2.onmessage = (e) => received.push(e.data);
    deliverPort(channel.port1, null);
    backend.trainer.send({ type: 'start' });
    await tick();
    expect(received).toEqual([]);
    backend.dispose();
    channel.port1.close();
    channel.port2.close();
  });

  it('relays trainer health and validates loaded documents', async () => {
    const { bridge, emit } = fakeBridge({ loadDoc: { ok: true, data: { version: 1, theme: 'nope' } } });
    const backend = new ElectronBackend(bridge, window);
    const health: TrainerHealth[] = [];
    backend.trainer.onHealth((h) => health.push(h));
    emit('trainerHealth', { kind: 'restarted', attempt: 1, reason: { code: 'trainer.exited', detail: 'crash' }, restoredStep: 5 });
    expect(health).toHaveLength(1);
    const loaded = await backend.docs.load('settings');
    expect(loaded.ok).toBe(false);
    backend.dispose();
  });

  it('checks main’s document replies and events against the contract: a problem passes, an English error string does not', async () => {
    const full = { code: 'storage.full' as const, detail: 'could not save settings: ENOSPC: no space left on device' };
    const { bridge, emit } = fakeBridge({ saveDoc: { ok: false, problem: full }, deleteDoc: { ok: false, error: 'the disk is full' } as never });
    const backend = new ElectronBackend(bridge, window);
    expect(await backend.docs.save('settings', { version: 1 } as never)).toEqual({ ok: false, problem: full });
    const deleted = await backend.docs.remove('run:a');
    expect(deleted).toMatchObject({ ok: false, problem: { code: 'unexpected', detail: expect.stringMatching(/malformed reply/) } });
    bridge.loadDoc.mockResolvedValueOnce({ ok: false, problem: { code: 'storage.nope' } } as never);
    expect(await backend.docs.load('settings')).toMatchObject({ ok: false, problem: { code: 'unexpected' } });
    const notices: unknown[] = [];
    backend.docs.onQuarantined((n) => notices.push(n));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    emit('docQuarantined', { kind: 'settings', movedTo: 'settings.corrupt-1.json', error: 'not valid JSON', restored: false } as never);
    emit('docQuarantined', { kind: 'settings', movedTo: 'settings.corrupt-2.json', problem: { code: 'storage.notJson', detail: 'x' }, restored: false });
    expect(notices).toEqual([{ kind: 'settings', movedTo: 'settings.corrupt-2.json', problem: { code: 'storage.notJson', detail: 'x' }, restored: false }]);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/malformed quarantine report/));
    warn.mockRestore();
    backend.dispose();
  });

  it('offers presenter mode: opens the audience window, syncs slides, and follows the presenter', async () => {
    const { bridge, emit } = fakeBridge();
    const backend = new ElectronBackend(bridge, window);
    const presenter = backend.presenter;
    expect(await presenter.openAudience()).toEqual({ ok: true });
    expect(bridge.openAudienceWindow).toHaveBeenCalledWith(null);
    presenter.sync({ slide: 2, blank: false });
    expect(bridge.presenterSync).toHaveBeenCalledWith({ slide: 2, blank: false });

    // Audience side: an event that arrives before the view subscribes is replayed to it; malformed ones are dropped.
    emit('presenterState', { slide: 4, blank: true });
    const seen: unknown[] = [];
    presenter.onState((s) => seen.push(s));
    emit('presenterState', { slide: -3, blank: 'x' } as never);
    emit('presenterState', { slide: 5, blank: false });
    expect(seen).toEqual([{ slide: 4, blank: true }, { slide: 5, blank: false }]);

    let closed = 0;
    presenter.onAudienceClosed(() => closed++);
    emit('audienceClosed', {});
    expect(closed).toBe(1);
    backend.dispose();
  });

  it('runs jobs over the training port, apart from the trainer events, and ends them when main reports a crash', async () => {
    const { bridge, emit } = fakeBridge();
    const backend = new ElectronBackend(bridge, window);
    const channel = new MessageChannel();
    const received: unknown[] = [];
    channel.port2.onmessage = (e) => received.push(e.data);
    const trainerEvents: unknown[] = [];
    backend.trainer.onEvent((e) => trainerEvents.push(e));
    const request = { type: 'bidir', cell: 'gru', steps: 10, hiddenSize: 4, batchSize: 2, learningRate: 0.01, seed: 1 } as const;
    const jobEvents: unknown[] = [];
    const job = backend.jobs.start(request, (e) => jobEvents.push(e));
    deliverPort(channel.port1); // queued until the port arrives, like the training commands
    channel.port2.postMessage({ type: 'job', event: { type: 'progress', id: job.id, done: 2, total: 20, elapsedMs: 5 } });
    await vi.waitFor(() => expect(received).toEqual([{ type: 'job', command: { type: 'start', id: job.id, request } }]));
    await vi.waitFor(() => expect(jobEvents).toHaveLength(1));
    expect(jobEvents).toEqual([{ type: 'progress', id: job.id, done: 2, total: 20, elapsedMs: 5 }]);
    expect(trainerEvents).toEqual([]); // not mistaken for a (malformed) trainer event
    emit('trainerHealth', { kind: 'crashed', attempt: 1, reason: { code: 'trainer.exited', detail: 'trainer exited (exit code 1)' }, restartInMs: 100 });
    expect(jobEvents.at(-1)).toEqual({ type: 'error', id: job.id, reason: 'interrupted', problem: { code: 'trainer.exited', detail: 'trainer exited (exit code 1)' } });
    backend.dispose();
    channel.port2.close();
  });
});
