import { describe, expect, it } from 'vitest';
import { describeReplaced } from './job-notice';

describe('describeReplaced', () => {
  it('describeReplaced(self, by) names the job that was cancelled and the one that replaced it', () => {
    expect(describeReplaced('race', 'horizon')).toBe(
      'The race was cancelled: the memory-horizon sweep replaced it, since the lab runs one experiment at a time.',
    );
    expect(describeReplaced('horizon', 'bidir')).toBe(
      'The memory-horizon sweep was cancelled: the bidirectional comparison replaced it, since the lab runs one experiment at a time.',
    );
  });

  it('describeReplaced(self, null) is empty: the job ended some other way', () => {
    expect(describeReplaced('bidir', null)).toBe('');
  });
});
