import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import { makeLessonPack } from '../quiz/lesson-pack-io';
import { applyStartupPolicy } from './apply-policy';
import { problemLogLine } from '../../src-shared/protocol/problem';

const deps = () => ({ savedLocale: 'en' as 'en' | 'fr', hasSavedSettings: true, locales: ['en', 'fr'] as ('en' | 'fr')[], setLocale: vi.fn(), usePack: vi.fn() });

const PACK = makeLessonPack({ title: 'Week 1', sections: ['why', 'cell'], questions: ['ff-vs-rnn'], quizSeed: 7, demoSeed: 3, config: DEFAULT_CONFIG });

describe('applyStartupPolicy(load, deps)', () => {
  it('locks the language and preloads a valid pack', () => {
    const d = deps();
    const issues = applyStartupPolicy({ policy: { locale: 'fr', lockLocale: true, lessonPack: { path: 'w1.json', locked: true } }, issues: [], source: 'p', lessonPackText: JSON.stringify(PACK) }, d);
    expect(d.setLocale).toHaveBeenCalledWith('fr');
    expect(d.usePack).toHaveBeenCalledWith(expect.objectContaining({ title: 'Week 1' }));
    expect(issues).toEqual([]);
  });

  it('reports a bad pack and an unknown language with the file’s own issues, and still applies the rest', () => {
    const d = deps();
    const issues = applyStartupPolicy(
      { policy: { locale: 'de', lockLocale: true, lessonPack: { path: 'w1.json', locked: false } }, issues: [{ code: 'policy.notBoolean', params: { key: 'saving' }, detail: 'saving: must be true or false; ignored' }], source: 'p', lessonPackText: '{"format":"x"}' },
      d,
    );
    expect(d.setLocale).toHaveBeenCalledWith('en');
    expect(d.usePack).not.toHaveBeenCalled();
    expect(issues).toHaveLength(3);
    expect(issues.map((i) => i.code)).toEqual(['policy.notBoolean', 'policy.unknownLocale', 'policy.packInvalid']);
    expect(problemLogLine(issues[0])).toMatch(/^saving:/);
    expect(issues.map(problemLogLine).join('\n')).toMatch(/"de" is not a language/);
    expect(issues.map(problemLogLine).join('\n')).toMatch(/w1\.json is not a valid lesson pack \(format/);
  });
});
