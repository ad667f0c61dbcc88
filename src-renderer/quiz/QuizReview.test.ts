import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { QUIZ_QUESTION_IDS } from '../../src-shared/protocol/lesson-pack';
import { QuizSession } from './quiz-state.svelte';
import QuizReview from './QuizReview.svelte';

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
});

describe('QuizReview', () => {
  it('lists a question asked twice twice, without a duplicate-key crash', () => {
    const session = new QuizSession(null);
    const id = QUIZ_QUESTION_IDS[0];
    session.start([id, id, QUIZ_QUESTION_IDS[1]], 7);
    const target = document.body.appendChild(document.createElement('div'));
    app = mount(QuizReview, { target, props: { session } });
    flushSync();
    expect(target.querySelectorAll('[data-testid="quiz-review"] li')).toHaveLength(3);
  });
});
