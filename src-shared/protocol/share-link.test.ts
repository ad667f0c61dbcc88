import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './training-config';
import { parseShareFragment, shareFragment } from './share-link';

describe('share links', () => {
  it('carry the config and seed in the fragment and read back the same, without the learner\'s data', () => {
    const config = { ...DEFAULT_CONFIG, task: 'memory' as const, taskParams: { k: 4 }, cell: 'gru' as const, seed: 1234, learningRate: 0.003 };
    const hash = shareFragment({ ...config, dataset: { kind: 'text', name: 'x.txt', source: 'secret text' } });
    expect(hash).toMatch(/^#share=1\.[A-Za-z0-9_-]+$/);
    expect(hash).not.toContain('secret');
    expect(parseShareFragment(hash)).toEqual({ ok: true, config });
  });

  it('report a damaged, cut, wrong-version or out-of-range link', () => {
    const good = shareFragment(DEFAULT_CONFIG);
    expect(parseShareFragment(good.slice(0, 30))).toMatchObject({ ok: false, problem: { code: 'share.damaged', detail: expect.stringContaining('damaged or cut short') } });
    expect(parseShareFragment('#share=1.@@@')).toMatchObject({ ok: false, problem: { code: 'share.damaged', detail: expect.stringContaining('base64url') } });
    expect(parseShareFragment(good.replace('#share=1.', '#share=7.'))).toEqual({ ok: false, problem: { code: 'share.wrongVersion', params: { expected: 1, found: '7' }, detail: 'version: expected 1, found "7"' } });
    const big = shareFragment({ ...DEFAULT_CONFIG, hiddenSize: 4096 });
    expect(parseShareFragment(big)).toEqual({ ok: false, problem: { code: 'share.invalid', detail: 'hiddenSize: hidden size must be at most 256' } });
    expect(parseShareFragment('#share=1.' + 'A'.repeat(5000))).toMatchObject({ ok: false, problem: { code: 'share.tooLong', params: { chars: 5009, cap: 4096 }, detail: expect.stringContaining('the cap is 4096') } });
  });
});
