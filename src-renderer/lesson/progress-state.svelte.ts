import type { Progress } from '../../src-shared/protocol/documents';
import type { DocStore } from '../backend/backend';
import { message, type Message } from '../i18n/message';
import { logProblem } from '../i18n/problem-text';
import * as P from './progress';

/** The learner's place in the lesson, loaded from and written back to the 'progress' document. */
export class LessonProgress {
  value: Progress = $state(P.initialProgress([]));
  order: readonly string[] = $state.raw([]);
  /** Set once the stored document has been read (or found missing). */
  loaded = $state(false);
  /** Last load or save problem as a sentence worded when shown, for a status line; null when all is well. */
  error: Message | null = $state.raw(null);
  savedCount = $state(0);
  readonly #docs: DocStore | null;

  constructor(docs: DocStore | null, order: readonly string[]) {
    this.#docs = docs;
    this.order = order;
    this.value = P.initialProgress(order);
  }

  async load(): Promise<void> {
    if (!this.#docs) {
      this.loaded = true;
      return;
    }
    const res = await this.#docs.load('progress');
    if (res.ok) this.value = P.reconcile(res.value, this.order);
    else if (!res.quarantinedTo) {
      logProblem('progress not loaded', res.problem);
      this.error = message('ui.lesson.loadFailed', { error: res.problem });
    }
    this.loaded = true;
  }

  /** Teach a different set of sections (a lesson pack); keeps what is already done. */
  setOrder(order: readonly string[]): void {
    this.order = order;
    this.value = P.reconcile(this.value, order);
  }

  get index(): number {
    return P.indexOf(this.value, this.order);
  }

  go(id: string): void {
    this.#apply(P.goTo(this.value, this.order, id));
  }

  next(): void {
    this.#apply(P.next(this.value, this.order));
  }

  previous(): void {
    this.#apply(P.previous(this.value, this.order));
  }

  #apply(next: Progress): void {
    this.value = next;
    void this.save();
  }

  async save(): Promise<void> {
    if (!this.#docs) return;
    const res = await this.#docs.save('progress', $state.snapshot(this.value) as Progress);
    if (res.ok) {
      this.error = null;
      this.savedCount += 1;
    } else {
      logProblem('progress not saved', res.problem);
      this.error = message('ui.lesson.saveFailed', { error: res.problem });
    }
  }
}
