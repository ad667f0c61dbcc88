import { describe, expect, it } from 'vitest';
import { createModel } from './model';
import { exportParams, hasNonFinite, importParams } from './params-io';
import { testConfig } from './test-fixtures';

describe('exportParams / importParams / hasNonFinite', () => {
  it('round-trips every parameter by name', () => {
    const a = createModel(testConfig({ cell: 'gru', seed: 1 }));
    const b = createModel(testConfig({ cell: 'gru', seed: 2 }));
    importParams(b, JSON.parse(JSON.stringify(exportParams(a))));
    expect(exportParams(b)).toEqual(exportParams(a));
  });
  it('names the field that is missing, mis-sized, unknown or not finite, and changes nothing', () => {
    const m = createModel(testConfig());
    const good = exportParams(m);
    expect(() => importParams(m, { ...good, 'head.by': [0, 0] })).toThrow(/"head.by" has 2 values, expected 3/);
    const { ['l0.fwd.Whh']: _, ...missing } = good;
    expect(() => importParams(m, missing)).toThrow(/missing "l0.fwd.Whh"/);
    expect(() => importParams(m, { ...good, extra: [1] })).toThrow(/unexpected entry "extra"/);
    expect(() => importParams(m, { ...good, 'head.by': [0, NaN, 0] })).toThrow(/"head.by"\[1\] is not a finite number/);
    expect(exportParams(m)).toEqual(good);
  });
  it('hasNonFinite names the first parameter or gradient holding NaN or Infinity', () => {
    const m = createModel(testConfig());
    expect(hasNonFinite(m)).toBeNull();
    m.params()[3].grad[2] = Infinity;
    expect(hasNonFinite(m)).toBe('head.Why.grad');
    m.params()[1].value[0] = NaN;
    expect(hasNonFinite(m)).toBe('l0.fwd.Whh');
  });
});
