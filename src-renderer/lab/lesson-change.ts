import type { TrainingConfig } from '../../src-shared/protocol/training-config';
import { t } from '../i18n/i18n.svelte';
import type { MessageKey } from '../i18n/en';

/** A configuration the lesson put in the Lab (a demo, a lesson pack), and what the learner had before. */
export interface LessonChange {
  readonly previous: TrainingConfig;
  readonly changed: readonly (keyof TrainingConfig)[];
}

/** The settings that differ between two configurations, in the config's own order. */
export function changedKeys(before: TrainingConfig, after: TrainingConfig): (keyof TrainingConfig)[] {
  return (Object.keys(after) as (keyof TrainingConfig)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/**
 * The lesson change after the lesson applies `config` over `current` (the Lab's config now), or null when nothing
 * changes. A second change keeps the first "before", so undo goes back to what the learner had.
 */
export function nextLessonChange(pending: LessonChange | null, current: TrainingConfig, config: TrainingConfig): LessonChange | null {
  if (changedKeys(current, config).length === 0) return null;
  const previous = pending?.previous ?? current;
  return { previous, changed: changedKeys(previous, config) };
}

const NAMES: Partial<Record<keyof TrainingConfig, MessageKey>> = {
  task: 'ui.lab.change.task',
  taskParams: 'ui.lab.change.taskParams',
  cell: 'ui.lab.change.cell',
  hiddenSize: 'ui.lab.change.hiddenSize',
  bidirectional: 'ui.lab.change.bidirectional',
  initKind: 'ui.lab.change.initKind',
  spectralRadius: 'ui.lab.change.spectralRadius',
};

/** "task → pos-tagging, reads both ways → on": what the change did, in the learner's language. */
export function describeChange(change: LessonChange, now: TrainingConfig): string {
  return change.changed
    .map((key) => {
      const name = NAMES[key] ? t(NAMES[key]) : key;
      const value = now[key];
      if (typeof value === 'boolean') return `${name} → ${value ? t('ui.lab.change.on') : t('ui.lab.change.off')}`;
      if (typeof value === 'object') return name;
      return `${name} → ${value}`;
    })
    .join(', ');
}
