import { describe, expect, it } from 'vitest';
import { createRendererRecovery } from './renderer-recovery';

describe('createRendererRecovery', () => {
  it('reloads a crashed renderer, gives up after 3 crashes in a minute, and forgets old crashes', () => {
    let now = 0;
    const decide = createRendererRecovery({ now: () => now });
    expect(['crashed', 'oom', 'crashed'].map((r) => decide(r))).toEqual(['reload', 'reload', 'reload']);
    now = 30_000;
    expect(decide('crashed')).toBe('give-up');
    now = 61_000; // the first three are now more than a minute old
    expect(decide('crashed')).toBe('reload');
  });

  it('leaves a renderer that was closed or killed on purpose alone', () => {
    const decide = createRendererRecovery();
    expect(decide('clean-exit')).toBe('ignore');
    expect(decide('killed')).toBe('ignore');
  });
});
