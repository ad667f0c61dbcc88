import { flushSync, mount, unmount } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { QUIZ_QUESTION_IDS } from '../../src-shared/protocol/lesson-pack';
import { t } from '../i18n/i18n.svelte';
import QuestionCard from './QuestionCard.svelte';
import { buildItem } from './quiz-build';
import { QuizSession } from './quiz-state.svelte';
import { optionKey } from './questions';

let app: ReturnType<typeof mount> | null = null;
afterEach(() => {
  if (app) unmount(app);
  app = null;
  document.body.innerHTML = '';
});

const choiceIds = QUIZ_QUESTION_IDS.filter((id) => buildItem(id, 1).def.kind === 'choice');

/** Mount one choice question of attempt `seed`; its radios, and which of them is the right answer. */
function render(id: (typeof choiceIds)[number], seed: number) {
  const session = new QuizSession(null);
  session.start([id], seed);
  const target = document.body.appendChild(document.createElement('div'));
  app = mount(QuestionCard, { target, props: { session, item: session.items[0], n: 1, total: 1, demoSeed: 1, onnext: () => {} } });
  flushSync();
  const radios = [...target.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  const right = t(optionKey(id, 'a'));
  const rightIndex = radios.findIndex((r) => r.closest('label')?.textContent?.trim() === right);
  const card = target.innerHTML;
  unmount(app);
  app = null;
  target.remove();
  return { session, radios, rightIndex, card };
}

describe('QuestionCard does not give its answer away', () => {
  it.each(choiceIds)('%s: radio values are the same for every attempt and the right one moves', (id) => {
    const values = new Set<string>();
    const positions = new Set<number>();
    for (let seed = 1; seed <= 24; seed++) {
      const { radios, rightIndex } = render(id, seed);
      expect(rightIndex).toBeGreaterThanOrEqual(0);
      values.add(radios.map((r) => r.value).join(','));
      positions.add(rightIndex);
    }
    // Only one list of values ever: they say where a choice sits, nothing about which choice it is.
    expect(values.size).toBe(1);
    expect(positions.size).toBeGreaterThan(1);
  });

  it('the page holds no option id an answer key could be read from', () => {
    const { card } = render(choiceIds[0], 7);
    expect(card).not.toMatch(/value="[a-d]"/);
  });

  it('checking the right choice still scores it right', () => {
    const session = new QuizSession(null);
    session.start([choiceIds[0]], 5);
    const target = document.body.appendChild(document.createElement('div'));
    app = mount(QuestionCard, { target, props: { session, item: session.items[0], n: 1, total: 1, demoSeed: 1, onnext: () => {} } });
    flushSync();
    const right = t(optionKey(choiceIds[0], 'a'));
    const radio = [...target.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find((r) => r.closest('label')?.textContent?.trim() === right)!;
    radio.click();
    flushSync();
    (target.querySelector('button.primary') as HTMLButtonElement).click();
    flushSync();
    expect(session.isRight(session.items[0])).toBe(true);
  });
});
