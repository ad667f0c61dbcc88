import type { QuizResults } from '../../src-shared/protocol/documents';
import type { QuizQuestionId } from '../../src-shared/protocol/lesson-pack';
import type { Problem } from '../../src-shared/protocol/problem';
import type { DocStore } from '../backend/backend';
import { logProblem } from '../i18n/problem-text';
import { isoNow } from './clock';
import { buildQuiz, type QuizItem } from './quiz-build';
import { isCorrect, scoreAttempt, type Score } from './scoring';

/** Attempts kept in the quiz document (its schema caps the list at 1000). */
export const MAX_ATTEMPTS = 1000;

/** One quiz attempt in progress plus the saved history of attempts. */
export class QuizSession {
  items: QuizItem[] = $state.raw([]);
  seed = $state(0);
  index = $state(0);
  answers: Record<string, string> = $state({});
  /** Questions whose answer has been checked (locked, explanation shown). */
  checked: Record<string, boolean> = $state({});
  result: Score | null = $state(null);
  history: QuizResults = $state({ version: 1, attempts: [] });
  /** Why the saved attempts could not be read or written (worded where it is shown), or null. */
  error: Problem | null = $state.raw(null);
  readonly #docs: DocStore | null;

  constructor(docs: DocStore | null) {
    this.#docs = docs;
  }

  async load(): Promise<void> {
    if (!this.#docs) return;
    const res = await this.#docs.load('quiz');
    if (res.ok && res.value) this.history = res.value;
    else if (!res.ok && !res.quarantinedTo) {
      logProblem('quiz history not loaded', res.problem);
      this.error = res.problem;
    }
  }

  get started(): boolean {
    return this.items.length > 0;
  }

  get current(): QuizItem | undefined {
    return this.items[this.index];
  }

  start(ids: readonly QuizQuestionId[], seed: number): void {
    this.items = buildQuiz(ids, seed);
    this.seed = seed;
    this.index = 0;
    this.answers = {};
    this.checked = {};
    this.result = null;
  }

  answer(id: string, value: string): void {
    if (!this.checked[id]) this.answers[id] = value.slice(0, 200);
  }

  check(id: string): boolean {
    this.checked[id] = true;
    const item = this.items.find((i) => i.def.id === id);
    return item ? isCorrect(item, this.answers[id]) : false;
  }

  isRight(item: QuizItem): boolean {
    return isCorrect(item, this.answers[item.def.id]);
  }

  nextQuestion(): void {
    if (this.index < this.items.length - 1) this.index += 1;
  }

  /** Score the attempt and append it to the saved history. */
  async finish(at: string = isoNow()): Promise<Score> {
    const answers = $state.snapshot(this.answers) as Record<string, string>;
    const score = scoreAttempt(this.items, answers);
    this.result = score;
    const attempt = { at, seed: this.seed, score: score.score, total: score.total, answers };
    this.history = { version: 1, attempts: [...this.history.attempts, attempt].slice(-MAX_ATTEMPTS) };
    if (this.#docs) {
      const res = await this.#docs.save('quiz', $state.snapshot(this.history) as QuizResults);
      this.error = res.ok ? null : res.problem;
      if (!res.ok) logProblem('quiz attempt not saved', res.problem);
    }
    return score;
  }
}
