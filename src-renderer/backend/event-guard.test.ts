import { describe, expect, it, vi } from 'vitest';
import { acceptTrainerEvent, isTrainerEvent } from './event-guard';

describe('isTrainerEvent', () => {
  it('accepts each well-formed event type', () => {
    expect(isTrainerEvent({ type: 'ready', protocolVersion: 1 })).toBe(true);
    expect(isTrainerEvent({ type: 'status', state: 'idle', step: 0, message: '' })).toBe(true);
    expect(isTrainerEvent({ type: 'configured', paramCount: 3, inputVocab: [], outputVocab: [] })).toBe(true);
    expect(isTrainerEvent({ type: 'stats', seq: 1, points: [], detail: null, stepsPerSecond: 0 })).toBe(true);
    expect(isTrainerEvent({ type: 'eval', result: { step: 1, testAccuracy: 0.5, testLoss: 1, samples: [] } })).toBe(true);
    expect(isTrainerEvent({ type: 'diverged', step: 3, quantity: 'loss', message: '' })).toBe(true);
    expect(isTrainerEvent({ type: 'snapshot', requestId: 1, checkpoint: {} })).toBe(true);
    expect(isTrainerEvent({ type: 'error', code: 'internal', message: 'x' })).toBe(true);
  });

  it('rejects unknown types and missing fields', () => {
    expect(isTrainerEvent(null)).toBe(false);
    expect(isTrainerEvent('stats')).toBe(false);
    expect(isTrainerEvent({ type: 'launch' })).toBe(false);
    expect(isTrainerEvent({ type: 'stats', seq: 1, points: 'no', detail: null, stepsPerSecond: 0 })).toBe(false);
    expect(isTrainerEvent({ type: 'status', state: 'idle' })).toBe(false);
  });

  it('acceptTrainerEvent warns and drops a malformed message', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const deliver = vi.fn();
    acceptTrainerEvent({ type: 'nope' }, deliver);
    expect(deliver).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
