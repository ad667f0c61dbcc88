import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION } from '../../src-shared/protocol/trainer-messages';
import { DEFAULT_CONFIG, type TrainingConfig } from '../../src-shared/protocol/training-config';
import { FakeTrainer, points } from '../testing/fake-trainer';
import { LabState } from './lab-state.svelte';

function setup(onConfigChange?: (c: TrainingConfig) => void) {
  const trainer = new FakeTrainer();
  const acks: (() => void)[] = [];
  const lab = new LabState({
    trainer,
    initialConfig: DEFAULT_CONFIG,
    onConfigChange,
    scheduleAck: (ack) => acks.push(ack),
  });
  return { trainer, lab, acks };
}

describe('LabState', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks the trainer what is running, then configures the initial config when nothing is', () => {
    const { trainer, lab } = setup();
    expect(trainer.sent.slice(0, 2)).toEqual([{ type: 'sync' }, { type: 'configure', config: DEFAULT_CONFIG }]);
    expect(lab.phase).toBe('connecting');
    expect(lab.statusText).toMatch(/Starting/);
  });

  it('marks a lesson change and its undo as discrete, so the app keeps them at once; an edit is not', () => {
    const calls: [TrainingConfig, boolean | undefined][] = [];
    const trainer = new FakeTrainer();
    const lab = new LabState({ trainer, initialConfig: DEFAULT_CONFIG, onConfigChange: (c, d) => calls.push([c, d]), scheduleAck: () => {} });
    lab.patch({ hiddenSize: 30 });
    expect(calls.at(-1)).toEqual([expect.objectContaining({ hiddenSize: 30 }), false]);
    lab.applyFromLesson({ ...DEFAULT_CONFIG, cell: 'rnn' });
    expect(calls.at(-1)).toEqual([expect.objectContaining({ cell: 'rnn' }), true]);
    lab.undoLessonChange();
    expect(calls.at(-1)).toEqual([expect.objectContaining({ cell: DEFAULT_CONFIG.cell, hiddenSize: 30 }), true]);
  });

  it('carries on with the run in progress after the window reloads, instead of configuring a fresh one', () => {
    const running: TrainingConfig = { ...DEFAULT_CONFIG, cell: 'gru', hiddenSize: 40 };
    const trainer = new FakeTrainer(running);
    const saved: TrainingConfig[] = [];
    const lab = new LabState({ trainer, initialConfig: DEFAULT_CONFIG, onConfigChange: (c) => saved.push(c), scheduleAck: () => {} });
    expect(trainer.types()).toEqual(['sync']);
    expect(lab.config).toEqual(running);
    expect(saved).toEqual([running]);
    trainer.emit({ type: 'configured', paramCount: 900, inputVocab: ['a'], outputVocab: ['x', 'y'] });
    trainer.emit({ type: 'stats', seq: 7, points: points(1, 120), detail: null, stepsPerSecond: 0 });
    trainer.emit({ type: 'status', state: 'training', step: 120, message: 'Reconnected' });
    expect(lab.history.length).toBe(120);
    expect(lab.phase).toBe('training');
    // A second answer (another window asked too) changes nothing.
    trainer.emit({ type: 'synced', config: null });
    expect(trainer.types()).toEqual(['sync']);
  });

  it('asks again when a trainer (re)starts before it has answered', () => {
    const trainer = new FakeTrainer();
    trainer.send = (cmd) => void trainer.sent.push(cmd); // this trainer is not listening yet
    const lab = new LabState({ trainer, initialConfig: DEFAULT_CONFIG, scheduleAck: () => {} });
    trainer.emit({ type: 'ready', protocolVersion: PROTOCOL_VERSION });
    expect(trainer.types()).toEqual(['sync', 'sync']);
    trainer.emit({ type: 'synced', config: null });
    trainer.emit({ type: 'ready', protocolVersion: PROTOCOL_VERSION });
    expect(trainer.types()).toEqual(['sync', 'sync', 'configure']);
    lab.dispose();
  });

  it('shows the parameter count from the configured event and is ready when the trainer says idle', () => {
    const { trainer, lab } = setup();
    trainer.emit({ type: 'ready', protocolVersion: PROTOCOL_VERSION });
    trainer.emit({ type: 'configured', paramCount: 2930, inputVocab: ['a', 'b'], outputVocab: ['x'] });
    trainer.emit({ type: 'status', state: 'idle', step: 0, message: 'Ready' });
    expect(lab.paramCount).toBe(2930);
    expect(lab.vocabSizes).toEqual({ input: 2, output: 1 });
    expect(lab.statusText).toMatch(/^Ready/);
    expect(lab.statusTone).toBe('neutral');
  });

  it('train, pause, step and reset send the matching commands; toggle follows the phase', () => {
    const { trainer, lab } = setup();
    lab.train();
    lab.pause();
    lab.stepOnce();
    lab.reset();
    expect(trainer.types().slice(2)).toEqual(['start', 'pause', 'step', 'reset']);
    trainer.emit({ type: 'status', state: 'training', step: 3, message: 'Training' });
    lab.toggle();
    expect(trainer.sent.at(-1)).toEqual({ type: 'pause' });
    trainer.emit({ type: 'status', state: 'paused', step: 3, message: 'Paused' });
    lab.toggle();
    expect(trainer.sent.at(-1)).toEqual({ type: 'start' });
  });

  it('appends stats to the history and acknowledges the latest seq once after drawing', () => {
    const { trainer, lab, acks } = setup();
    trainer.emit({ type: 'stats', seq: 1, points: points(1, 5), detail: null, stepsPerSecond: 40 });
    trainer.emit({ type: 'stats', seq: 2, points: points(6, 9), detail: null, stepsPerSecond: 42 });
    expect(lab.history.length).toBe(9);
    expect(lab.step).toBe(9);
    expect(lab.stepsPerSecond).toBe(42);
    expect(acks).toHaveLength(1);
    acks[0]();
    expect(trainer.sent.at(-1)).toEqual({ type: 'ack', seq: 2 });
    trainer.emit({ type: 'stats', seq: 3, points: points(10, 10), detail: null, stepsPerSecond: 42 });
    expect(acks).toHaveLength(2);
  });

  it('a new configured event starts a fresh history', () => {
    const { trainer, lab } = setup();
    trainer.emit({ type: 'stats', seq: 1, points: points(1, 5), detail: null, stepsPerSecond: 40 });
    const version = lab.historyVersion;
    trainer.emit({ type: 'configured', paramCount: 10, inputVocab: [], outputVocab: [] });
    expect(lab.history.length).toBe(0);
    expect(lab.step).toBe(0);
    expect(lab.historyVersion).toBeGreaterThan(version);
  });

  it('reports divergence with the quantity, then clears it on reset', () => {
    const { trainer, lab } = setup();
    trainer.emit({ type: 'diverged', step: 12, quantity: 'loss', message: 'boom' });
    trainer.emit({ type: 'status', state: 'diverged', step: 12, message: 'boom' });
    expect(lab.statusText).toMatch(/diverged at step 12: the loss/);
    expect(lab.statusTone).toBe('warning');
    lab.reset();
    expect(lab.divergence).toBeNull();
  });

  it('reports trainer errors and restarts from TrainerHealth', () => {
    const { trainer, lab } = setup();
    trainer.emit({ type: 'status', state: 'training', step: 50, message: '' });
    trainer.health.emit({ kind: 'crashed', attempt: 1, reason: { code: 'trainer.exited', detail: 'trainer exited (signal SIGKILL)' }, restartInMs: 1600 });
    expect(lab.statusText).toBe('The trainer stopped unexpectedly (its process ended). Restarting it in 2 s from its last checkpoint.');
    expect(lab.statusTone).toBe('warning');
    trainer.health.emit({ kind: 'restarted', attempt: 1, reason: { code: 'trainer.exited', detail: 'crash' }, restoredStep: 40 });
    expect(lab.statusText).toMatch(/restarted \(attempt 1\); it continued from step 40\. Training\./);
    trainer.emit({ type: 'error', code: 'bad-config', problem: { code: 'trainer.badConfig', detail: 'hidden size must be at most 256' } });
    expect(lab.statusText).toBe('Something went wrong: the trainer could not build a model from these settings (the details are in the console)');
    expect(lab.statusTone).toBe('error');
    trainer.health.emit({ kind: 'gave-up', reason: { code: 'trainer.exited', detail: 'crash loop' } });
    expect(lab.statusText).toMatch(/keeps failing \(its process ended\)/);
  });

  it('edits are saved at once and sent to the trainer once they settle', () => {
    const saved: TrainingConfig[] = [];
    const { trainer, lab } = setup((c) => saved.push(c));
    lab.patch({ hiddenSize: 30 });
    lab.patch({ hiddenSize: 31 });
    expect(saved.map((c) => c.hiddenSize)).toEqual([30, 31]);
    expect(trainer.types()).toEqual(['sync', 'configure']);
    vi.advanceTimersByTime(300);
    expect(trainer.sent.at(-1)).toEqual({ type: 'configure', config: { ...DEFAULT_CONFIG, hiddenSize: 31 } });
  });

  it('pressing Train with an edit pending configures first', () => {
    const { trainer, lab } = setup();
    lab.patch({ cell: 'gru' });
    lab.train();
    expect(trainer.types()).toEqual(['sync', 'configure', 'configure', 'start']);
    vi.advanceTimersByTime(1000);
    expect(trainer.types()).toEqual(['sync', 'configure', 'configure', 'start']);
  });

  it('changing the task resets its parameters to the new task defaults', () => {
    const { lab } = setup();
    lab.setTaskParam('gap', 9);
    expect(lab.config.taskParams).toEqual({ gap: 9 });
    lab.setTask('memory');
    expect(lab.config.task).toBe('memory');
    expect(Object.keys(lab.config.taskParams)).not.toContain('gap');
  });

  it('flags a protocol version mismatch', () => {
    const { trainer, lab } = setup();
    trainer.emit({ type: 'ready', protocolVersion: PROTOCOL_VERSION + 1 });
    expect(lab.statusTone).toBe('error');
  });

  it('stops listening after dispose', () => {
    const { trainer, lab } = setup();
    lab.dispose();
    trainer.emit({ type: 'configured', paramCount: 99, inputVocab: [], outputVocab: [] });
    expect(lab.paramCount).toBeNull();
  });
});
