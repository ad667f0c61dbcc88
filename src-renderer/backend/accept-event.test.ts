import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../src-shared/protocol/training-config';
import { acceptTrainerEvent, isTrainerEvent } from './accept-event';

const detail = {
  step: 4,
  dhNorms: [0.5, 1],
  hidden: [[0.1, 0.2], [0.3, 0.4]],
  gates: { f: [[0.5, 0.5], [0.6, 0.6]] },
  whhContrib: [0.1, 0.2],
  cells: [[1, 2], [3, 4]],
  spectralRadius: 0.95,
  inputTokens: ['a', 'b'],
  outputTokens: ['x'],
  targetTokens: ['x'],
};

describe("isTrainerEvent (the contract's TrainerEventSchema)", () => {
  it('accepts each well-formed event type', () => {
    expect(isTrainerEvent({ type: 'ready', protocolVersion: 1 })).toBe(true);
    expect(isTrainerEvent({ type: 'status', state: 'idle', step: 0, message: '' })).toBe(true);
    expect(isTrainerEvent({ type: 'configured', paramCount: 3, inputVocab: [], outputVocab: [] })).toBe(true);
    expect(isTrainerEvent({ type: 'stats', seq: 1, points: [], detail: null, stepsPerSecond: 0 })).toBe(true);
    expect(isTrainerEvent({ type: 'eval', result: { step: 1, testAccuracy: 0.5, testLoss: 1, samples: [] } })).toBe(true);
    expect(isTrainerEvent({ type: 'diverged', step: 3, quantity: 'loss', message: '' })).toBe(true);
    expect(isTrainerEvent({ type: 'stats', seq: 2, points: [{ step: 4, loss: 1, accuracy: 0.5, gradNormBefore: 2, gradNormAfter: 1, clipped: true }], detail, stepsPerSecond: 9 })).toBe(true);
    expect(isTrainerEvent({ type: 'snapshot', requestId: 1, checkpoint: { version: 1, config: DEFAULT_CONFIG, step: 0, params: {}, optimizer: {}, history: [] } })).toBe(true);
    expect(isTrainerEvent({ type: 'synced', config: null })).toBe(true);
    expect(isTrainerEvent({ type: 'error', code: 'internal', problem: { code: 'unexpected', detail: 'x' } })).toBe(true);
    expect(isTrainerEvent({ type: 'error', code: 'internal', message: 'x' })).toBe(false);
    expect(isTrainerEvent({ type: 'error', code: 'internal', problem: { code: 'no.such.code' } })).toBe(false);
  });

  it('rejects unknown types and missing fields', () => {
    expect(isTrainerEvent(null)).toBe(false);
    expect(isTrainerEvent('stats')).toBe(false);
    expect(isTrainerEvent({ type: 'launch' })).toBe(false);
    expect(isTrainerEvent({ type: 'stats', seq: 1, points: 'no', detail: null, stepsPerSecond: 0 })).toBe(false);
    expect(isTrainerEvent({ type: 'status', state: 'idle' })).toBe(false);
    expect(isTrainerEvent({ type: 'status', state: 'dancing', step: 0, message: '' })).toBe(false);
    expect(isTrainerEvent({ type: 'snapshot', requestId: 1, checkpoint: {} }), 'a checkpoint is checked whole').toBe(false);
  });

  it('checks the traced step data inside stats, down to each number', () => {
    const stats = (d: unknown) => ({ type: 'stats', seq: 1, points: [], detail: d, stepsPerSecond: 0 });
    expect(isTrainerEvent(stats(detail))).toBe(true);
    expect(isTrainerEvent(stats({ ...detail, hidden: [[0.1, '0.2']] }))).toBe(false);
    expect(isTrainerEvent(stats({ ...detail, gates: { f: 'no' } }))).toBe(false);
    expect(isTrainerEvent(stats({ ...detail, cells: [1, 2] }))).toBe(false);
    const { whhContrib: _, ...missing } = detail;
    expect(isTrainerEvent(stats(missing))).toBe(false);
  });

  it('acceptTrainerEvent warns and drops a malformed message', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const deliver = vi.fn();
    acceptTrainerEvent({ type: 'nope' }, deliver);
    expect(deliver).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0][0])).toMatch(/malformed trainer message: .*type/);
    acceptTrainerEvent({ type: 'ready', protocolVersion: 1 }, deliver);
    expect(deliver).toHaveBeenCalledWith({ type: 'ready', protocolVersion: 1 });
    warn.mockRestore();
  });
});
