import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { PolicyLoad } from '../src-shared/protocol/policy';
import { createInvokeHandlers, type HandlerDeps } from './invoke-handlers';
import type { DocStore } from './store/doc-store';

function handlersWith(policy: PolicyLoad) {
  const save = vi.fn(async () => ({ ok: true as const }));
  const openExternal = vi.fn(async () => {});
  const deps: HandlerDeps = {
    store: { save, load: vi.fn() } as unknown as DocStore,
    appInfo: { version: '1', platform: 'linux', shell: 'electron' },
    policy,
    openExternal,
    requestTrainerPort: () => true,
    openAudienceWindow: async () => ({ ok: true }),
    presenterSync: () => true,
    openTextFile: async () => ({ status: 'cancelled' as const }),
    openRunFile: async () => ({ status: 'cancelled' as const }),
    saveRunFile: async () => ({ status: 'cancelled' as const }),
  };
  return { handlers: createInvokeHandlers(deps), save, openExternal };
}
const event = {} as IpcMainInvokeEvent;

describe('invoke handlers under a machine policy', () => {
  it('refuse to save runs when the policy turns saving off, in main, whatever the renderer does', async () => {
    const { handlers, save } = handlersWith({ policy: { saving: false }, issues: [], source: '/etc/rnn-lab/policy.json' });
    expect(await handlers.saveDoc({ kind: 'runs', data: {} }, event)).toEqual({ ok: false, problem: expect.objectContaining({ code: 'storage.savingOff', detail: expect.stringMatching(/turned off/) }) });
    expect(await handlers.saveDoc({ kind: 'run:abc', data: {} }, event)).toEqual({ ok: false, problem: expect.objectContaining({ code: 'storage.savingOff' }) });
    expect(await handlers.deleteDoc('run:abc', event)).toEqual({ ok: false, problem: expect.objectContaining({ code: 'storage.savingOff' }) });
    expect(save).not.toHaveBeenCalled();
    expect(await handlers.saveDoc({ kind: 'settings', data: {} }, event)).toEqual({ ok: true });
  });

  it('refuse every outbound link when externalLinks is false, even an allow-listed one', async () => {
    const { handlers, openExternal } = handlersWith({ policy: { externalLinks: false }, issues: [], source: 'p' });
    expect(await handlers.openExternal('https://arxiv.org/abs/1409.3215', event)).toMatchObject({ ok: false });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('open allow-listed links and save runs when there is no policy', async () => {
    const { handlers, openExternal, save } = handlersWith({ policy: {}, issues: [], source: null });
    expect(await handlers.openExternal('https://arxiv.org/abs/1409.3215', event)).toEqual({ ok: true });
    expect(await handlers.saveDoc({ kind: 'runs', data: {} }, event)).toEqual({ ok: true });
    expect(openExternal).toHaveBeenCalledOnce();
    expect(save).toHaveBeenCalledOnce();
  });

  it('hand the renderer the policy main read', async () => {
    const load: PolicyLoad = { policy: { locale: 'fr', lockLocale: true }, issues: [{ code: 'policy.notBoolean', params: { key: 'saving' }, detail: 'saving: bad; ignored' }], source: 'p' };
    expect(await handlersWith(load).handlers.policy(null, event)).toBe(load);
  });
});
