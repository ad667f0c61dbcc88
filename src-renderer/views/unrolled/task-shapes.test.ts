import { describe, expect, it } from 'vitest';
import { CHAR_LM_SPEC } from '../../../src-shared/tasks/char-lm';
import { MELODY_SPEC } from '../../../src-shared/tasks/melody';
import { MEMORY_SPEC } from '../../../src-shared/tasks/memory';
import { NUMBER_WORDS_SPEC } from '../../../src-shared/tasks/number-words';
import { POS_SPEC } from '../../../src-shared/tasks/pos-tagging';
import { SENTIMENT_SPEC } from '../../../src-shared/tasks/sentiment';
import { TASK_SHAPES } from './task-shapes';

describe('TASK_SHAPES', () => {
  it('matches every task spec', () => {
    for (const spec of [CHAR_LM_SPEC, MELODY_SPEC, MEMORY_SPEC, NUMBER_WORDS_SPEC, POS_SPEC, SENTIMENT_SPEC]) {
      expect(TASK_SHAPES[spec.id]).toBe(spec.shape);
    }
  });
});
