import type { TrainerHealth } from '../../src-shared/protocol/ipc-contract';
import type { Problem } from '../../src-shared/protocol/problem';
import type { SessionState, StopReason } from '../../src-shared/protocol/trainer-messages';
import type { Collapse } from './collapse';
import { formatPercent } from '../i18n/format';
import { t } from '../i18n/i18n.svelte';
import { problemText } from '../i18n/problem-text';

export type LabPhase = 'connecting' | SessionState;
export type StatusTone = 'neutral' | 'active' | 'warning' | 'error';

/** What the status line is about: the trainer's phase and health, the last error or divergence. */
export interface LabStatusInput {
  readonly phase: LabPhase;
  readonly step: number;
  readonly health: TrainerHealth | null;
  /** The trainer's last refusal (its 'error' event), worded here. */
  readonly error: Problem | null;
  readonly divergence: { step: number; quantity: string } | null;
  /** Held-out accuracy fell far below the run's best while training (collapse.ts). */
  readonly collapse?: Collapse | null;
  /** Why the run last stopped by itself (a target of its config). */
  readonly stoppedBy?: StopReason | null;
}

export function statusTone(s: LabStatusInput): StatusTone {
  if (s.health?.kind === 'gave-up' || s.error || s.phase === 'error') return 'error';
  if (s.divergence || s.collapse || s.health?.kind === 'restarted' || s.health?.kind === 'restoring' || s.health?.kind === 'crashed') return 'warning';
  return s.phase === 'training' ? 'active' : 'neutral';
}

/** One sentence for the status line, in the learner's language. */
export function statusText(s: LabStatusInput): string {
  const h = s.health;
  if (h?.kind === 'gave-up') return t('ui.lab.status.gaveUp', { reason: problemText(h.reason) });
  if (s.error) return t('ui.lab.status.error', { error: problemText(s.error) });
  if (s.divergence) {
    const { step, quantity } = s.divergence;
    return t('ui.lab.status.divergedAt', { step, quantity });
  }
  if (h?.kind === 'crashed') {
    if (h.restartInMs < 1000) return t('ui.lab.status.crashedNow', { reason: problemText(h.reason) });
    return t('ui.lab.status.crashedIn', { reason: problemText(h.reason), seconds: Math.round(h.restartInMs / 1000) });
  }
  const base = phaseText(s);
  if (h?.kind === 'restoring') return t('ui.lab.status.restoring', { attempt: h.attempt, step: h.step });
  if (h?.kind === 'restarted') {
    if (h.restoredStep === null) return t('ui.lab.status.restartedFresh', { attempt: h.attempt, status: base });
    return t('ui.lab.status.restartedFrom', { attempt: h.attempt, step: h.restoredStep, status: base });
  }
  return base;
}

/** A held-out accuracy in the status line, the locale's way: "95%", "95 %". */
const pct = (x: number): string => formatPercent(x);

function phaseText(s: LabStatusInput): string {
  const { phase, step } = s;
  switch (phase) {
    case 'connecting':
      return t('ui.lab.status.connecting');
    case 'idle':
      return step === 0 ? t('ui.lab.status.ready') : t('ui.lab.status.stopped', { step });
    case 'training':
      if (s.collapse) {
        const { best, bestStep, now } = s.collapse;
        return t('ui.lab.status.collapsed', { best: pct(best), bestStep, now: pct(now) });
      }
      return t('ui.lab.status.training');
    case 'paused':
      if (s.stoppedBy?.kind === 'accuracy') {
        return t('ui.lab.status.reachedAccuracy', { step: s.stoppedBy.step, accuracy: pct(s.stoppedBy.accuracy), target: pct(s.stoppedBy.target) });
      }
      if (s.stoppedBy?.kind === 'steps') return t('ui.lab.status.reachedSteps', { step: s.stoppedBy.step });
      return t('ui.lab.status.paused', { step });
    case 'diverged':
      return t('ui.lab.status.diverged');
    case 'error':
      return t('ui.lab.status.trainerError');
  }
}
