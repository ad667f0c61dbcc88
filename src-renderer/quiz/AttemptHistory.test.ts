import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuizResults } from '../../src-shared/protocol/documents';
import AttemptHistory from './AttemptHistory.svelte';

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
});

const attempt = (at: string, score: number) => ({ at, seed: score, score, total: 5, answers: {} });

describe('AttemptHistory', () => {
  it('lists two attempts saved with the same timestamp (quiz.json from another machine or a fast double submit)', () => {
    const history: QuizResults = {
      version: 1,
      attempts: [attempt('2026-01-01T10:00:00.000Z', 2), attempt('2026-01-01T10:00:00.000Z', 4), attempt('2026-01-02T10:00:00.000Z', 5)],
    };
    const target = document.body.appendChild(document.createElement('div'));
    app = mount(AttemptHistory, { target, props: { history } });
    flushSync();
    const rows = [...target.querySelectorAll('li')].map((li) => li.textContent);
    expect(rows).toHaveLength(3);
    // Newest first; both attempts of the shared timestamp are shown with their own scores.
    expect(rows[0]).toContain('5');
    expect(rows[1]).toContain('4');
    expect(rows[2]).toContain('2');
  });
});
