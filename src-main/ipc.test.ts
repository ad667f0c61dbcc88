import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, INVOKE_REQUEST_SCHEMAS } from '../src-shared/protocol/ipc-contract';
import { ERROR_REPLIES, registerInvokeHandlers, type InvokeHandlers, type IpcRegistrar } from './ipc';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function fakeIpc() {
  const handlers = new Map<string, Listener>();
  const ipc: IpcRegistrar = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const invoke = (channel: string, event: Partial<IpcMainInvokeEvent>, ...args: unknown[]) =>
    Promise.resolve().then(() => handlers.get(channel)!(event as IpcMainInvokeEvent, ...args));
  return { ipc, handlers, invoke };
}

const trusted = { senderFrame: { url: 'app://rnn-lab/index.html' } } as unknown as IpcMainInvokeEvent;
const stranger = { senderFrame: { url: 'https://evil.example/' } } as unknown as IpcMainInvokeEvent;

const calls: string[] = [];
const handlers: InvokeHandlers = {
  loadDoc: async (kind) => (calls.push(`load ${kind}`), { ok: true, data: null }),
  saveDoc: async ({ kind }) => (calls.push(`save ${kind}`), { ok: true }),
  deleteDoc: async (kind) => (calls.push(`delete ${kind}`), { ok: true }),
  openExternal: async () => {
    throw new Error('shell unavailable');
  },
  appInfo: async () => ({ version: '1.2.3', platform: 'linux', shell: 'electron' }),
  storageStatus: async () => ({ mode: 'writable' }),
  requestTrainerPort: async () => ({ ok: true }),
  openAudienceWindow: async () => (calls.push('open audience'), { ok: true }),
  presenterSync: async ({ slide, step, blank }) => (calls.push(`sync ${slide}${step === undefined ? '' : `.${step}`} ${blank}`), { ok: true }),
  policy: async () => ({ policy: {}, issues: [], source: null }),
  openTextFile: async ({ kind }) => (calls.push(`open ${kind}`), { status: 'cancelled' }),
  openRunFile: async () => (calls.push('open run file'), { status: 'cancelled' }),
  saveRunFile: async ({ name }) => (calls.push(`save run file ${name}`), { status: 'cancelled' }),
};

function setup() {
  calls.length = 0;
  const fake = fakeIpc();
  const dispose = registerInvokeHandlers(fake.ipc, handlers, (e) => e === trusted, () => {});
  return { ...fake, dispose };
}

describe('registerInvokeHandlers(ipc, handlers, isTrusted)', () => {
  it('registers exactly one handler per contract channel, and removes them all', () => {
    const { handlers: registered, dispose } = setup();
    expect([...registered.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    dispose();
    expect(registered.size).toBe(0);
  });

  it('has a request schema and an error reply for every channel, and no channel string twice', () => {
    expect(Object.keys(INVOKE_REQUEST_SCHEMAS).sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
    expect(Object.keys(ERROR_REPLIES).sort()).toEqual(Object.keys(INVOKE_CHANNELS).sort());
    const channels = [...Object.values(INVOKE_CHANNELS), ...Object.values(EVENT_CHANNELS)];
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('validates presenter mode requests: a whole slide number 0..100 and a blank flag', async () => {
    const { invoke } = setup();
    expect(await invoke(INVOKE_CHANNELS.openAudienceWindow, trusted, null)).toEqual({ ok: true });
    expect(await invoke(INVOKE_CHANNELS.presenterSync, trusted, { slide: 3, blank: false })).toEqual({ ok: true });
    expect(await invoke(INVOKE_CHANNELS.presenterSync, trusted, { slide: 100, blank: true })).toEqual({ ok: true });
    // The page within the slide travels too.
    expect(await invoke(INVOKE_CHANNELS.presenterSync, trusted, { slide: 2, step: 3, lastStep: true, blank: false })).toEqual({ ok: true });
    for (const bad of [{ slide: 2, step: -1, blank: false }, { slide: 2, step: 1.5, blank: false }, { slide: 2, step: 101, blank: false }, { slide: 2, step: 1, lastStep: 'yes', blank: false }]) {
      expect(await invoke(INVOKE_CHANNELS.presenterSync, trusted, bad)).toEqual({ ok: false });
    }
    for (const bad of [{ slide: -1, blank: false }, { slide: 101, blank: false }, { slide: 1.5, blank: false }, { slide: 1, blank: 'no' }, { slide: 1 }, { slide: 1, blank: false, notes: 'x' }, null]) {
      expect(await invoke(INVOKE_CHANNELS.presenterSync, trusted, bad)).toEqual({ ok: false });
    }
    expect(await invoke(INVOKE_CHANNELS.openAudienceWindow, trusted, {})).toEqual({ ok: false, problem: { code: 'unexpected', detail: expect.stringMatching(/^bad request for openAudienceWindow/) } });
    await expect(invoke(INVOKE_CHANNELS.presenterSync, stranger, { slide: 1, blank: false })).rejects.toThrow(/not the RNN Lab window/);
    expect(calls).toEqual(['open audience', 'sync 3 false', 'sync 100 true', 'sync 2.3 false']);
  });

  it('passes a valid request to its handler', async () => {
    const { invoke } = setup();
    expect(await invoke(INVOKE_CHANNELS.loadDoc, trusted, 'settings')).toEqual({ ok: true, data: null });
    expect(await invoke(INVOKE_CHANNELS.appInfo, trusted, null)).toMatchObject({ shell: 'electron' });
    expect(await invoke(INVOKE_CHANNELS.loadDoc, trusted, 'run:run-abc_1')).toEqual({ ok: true, data: null });
    expect(await invoke(INVOKE_CHANNELS.deleteDoc, trusted, 'run:run-abc_1')).toEqual({ ok: true });
    expect(calls).toEqual(['load settings', 'load run:run-abc_1', 'delete run:run-abc_1']);
  });

  it('answers a bad request with the call\'s typed error, without running the handler', async () => {
    const { invoke } = setup();
    expect(await invoke(INVOKE_CHANNELS.loadDoc, trusted, '../../etc/passwd')).toEqual({
      ok: false,
      problem: { code: 'unexpected', detail: expect.stringMatching(/^bad request for loadDoc/) },
    });
    expect(await invoke(INVOKE_CHANNELS.saveDoc, trusted, { kind: 'settings', data: {}, extra: 1 })).toMatchObject({ ok: false });
    expect(await invoke(INVOKE_CHANNELS.saveDoc, trusted)).toMatchObject({ ok: false });
    expect(await invoke(INVOKE_CHANNELS.openExternal, trusted, 'x'.repeat(5000))).toMatchObject({ ok: false });
    expect(await invoke(INVOKE_CHANNELS.requestTrainerPort, trusted, 'please')).toEqual({ ok: false });
    expect(await invoke(INVOKE_CHANNELS.loadDoc, trusted, 'settings', 'extra')).toMatchObject({ ok: false });
    expect(await invoke(INVOKE_CHANNELS.loadDoc, trusted, 'run:../../etc/passwd')).toMatchObject({ ok: false });
    expect(await invoke(INVOKE_CHANNELS.deleteDoc, trusted, 'settings')).toMatchObject({ ok: false, problem: { code: 'unexpected', detail: expect.stringMatching(/^bad request for deleteDoc/) } });
    expect(await invoke(INVOKE_CHANNELS.deleteDoc, trusted, 'run:a/b')).toMatchObject({ ok: false });
    expect(await invoke(INVOKE_CHANNELS.saveRunFile, trusted, { name: 'a', text: '{}', path: '/etc/passwd' })).toMatchObject({ status: 'failed', problem: { code: 'unexpected', detail: expect.stringMatching(/^bad request for saveRunFile/) } });
    expect(await invoke(INVOKE_CHANNELS.openRunFile, trusted, '/etc/passwd')).toMatchObject({ status: 'failed' });
    await expect(invoke(INVOKE_CHANNELS.appInfo, trusted, {})).rejects.toThrow(/bad request for appInfo/);
    expect(calls).toEqual([]);
  });

  it('turns a handler exception into a typed error reply', async () => {
    const { invoke } = setup();
    expect(await invoke(INVOKE_CHANNELS.openExternal, trusted, 'https://distill.pub/')).toEqual({
      ok: false,
      problem: { code: 'unexpected', detail: 'openExternal failed: shell unavailable' },
    });
  });

  it('refuses senders that are not our window', async () => {
    const { invoke } = setup();
    await expect(invoke(INVOKE_CHANNELS.loadDoc, stranger, 'settings')).rejects.toThrow(/not the RNN Lab window/);
    await expect(invoke(INVOKE_CHANNELS.openRunFile, stranger, null)).rejects.toThrow(/not the RNN Lab window/);
    await expect(invoke(INVOKE_CHANNELS.saveRunFile, stranger, { name: 'a', text: '{}' })).rejects.toThrow(/not the RNN Lab window/);
    expect(calls).toEqual([]);
  });
});
