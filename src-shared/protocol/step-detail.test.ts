import { describe, expect, it } from 'vitest';
import type { StepTrace } from '../engine/types';
import { toStepDetail, type StepContext } from './step-detail';

const context: StepContext = { step: 3, spectralRadius: 0.9, inputTokens: ['a'], outputTokens: ['b'], targetTokens: ['b'] };

describe('toStepDetail(trace, context)', () => {
  it('is the trace with the step context beside it', () => {
    const trace: StepTrace = { dhNorms: [1, 0.5], hidden: [[0.1], [0.2]], gates: {}, whhContrib: [0.3, 0.4] };
    expect(toStepDetail(trace, context)).toEqual({ ...trace, ...context });
  });

  it('carries any field the engine traces, present or optional, without naming it (a future quantity included)', () => {
    const trace = { dhNorms: [1], hidden: [[0]], gates: { f: [[0.5]] }, whhContrib: [0], cells: [[0.7]], dc: [[0.1]], chains: { backward: { dhNorms: [2] } } };
    const detail = toStepDetail(trace as unknown as StepTrace, context) as unknown as Record<string, unknown>;
    expect(detail.cells).toEqual([[0.7]]);
    expect(detail.dc).toEqual([[0.1]]);
    expect(detail.chains).toEqual({ backward: { dhNorms: [2] } });
    expect('hiddenBackward' in detail).toBe(false);
  });
});
