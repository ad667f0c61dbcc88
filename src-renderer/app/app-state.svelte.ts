import type { StorageStatus } from '../../src-shared/protocol/ipc-contract';
import type { QuarantineNotice } from '../backend/backend';
import { storageNotice } from './storage-notice';

export const SCREENS = [
  { id: 'lesson', label: 'Lesson' },
  { id: 'lab', label: 'Lab' },
  { id: 'gradients', label: 'Gradients' },
  { id: 'quiz', label: 'Quiz' },
] as const;
export type ScreenId = (typeof SCREENS)[number]['id'];

export function isScreenId(x: string): x is ScreenId {
  return SCREENS.some((s) => s.id === x);
}

export interface Notice {
  readonly id: number;
  readonly tone: 'warning' | 'error' | 'info';
  readonly text: string;
  /** A button beside the text (e.g. "Reload now" when a new version is ready). */
  readonly action?: { readonly label: string; readonly run: () => void };
}

const DOC_NAMES: Record<QuarantineNotice['kind'], string> = {
  settings: 'settings',
  progress: 'lesson progress',
  quiz: 'quiz results',
  runs: 'saved runs',
};

/** Which screen is shown (mirrored in the URL hash so a reload keeps it) and the notices bar. */
export class AppState {
  screen: ScreenId = $state('lesson');
  notices: Notice[] = $state([]);
  #nextId = 1;
  #storageNoticeId: number | null = null;

  constructor(initialHash = '') {
    const id = initialHash.replace(/^#\/?/, '');
    if (isScreenId(id)) this.screen = id;
  }

  get hash(): string {
    return `#${this.screen}`;
  }

  go(screen: ScreenId): void {
    this.screen = screen;
  }

  notify(tone: Notice['tone'], text: string, action?: Notice['action']): void {
    if (this.notices.some((n) => n.text === text)) return;
    this.notices.push({ id: this.#nextId++, tone, text, ...(action ? { action } : {}) });
  }

  notifyQuarantine(notice: QuarantineNotice): void {
    const what = DOC_NAMES[notice.kind];
    this.notify(
      'warning',
      `Your saved ${what} could not be read (${notice.error}). The damaged copy was moved aside to ${notice.movedTo}` +
        (notice.restored ? ' and the previously saved version is back in use.' : ' and defaults are in use.'),
    );
  }

  /** The read-only mode, announced once; when saving works again the warning gives way to a short note. */
  notifyStorage(status: StorageStatus): void {
    const previous = this.#storageNoticeId;
    if (status.mode === 'writable' && previous === null) return;
    const text = storageNotice(status);
    if (previous !== null) this.dismiss(previous);
    this.notify(status.mode === 'writable' ? 'info' : 'warning', text);
    this.#storageNoticeId = status.mode === 'writable' ? null : (this.notices.find((n) => n.text === text)?.id ?? null);
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }
}
