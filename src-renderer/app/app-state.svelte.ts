import type { QuarantineNotice } from '../backend/backend';
import type { MessageKey } from '../i18n/en';
import { t } from '../i18n/i18n.svelte';

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

/** A message for the notices bar, kept as a key and values so it is worded in whatever locale is current when shown. */
export interface Notice {
  readonly id: number;
  readonly tone: 'warning' | 'error' | 'info';
  readonly key: MessageKey;
  readonly vars: Readonly<Record<string, string | number>>;
  /** Which saved document a quarantine notice is about: named in the current locale too. */
  readonly doc?: QuarantineNotice['kind'];
}

/** A notice in the current locale. */
export function noticeText(n: Notice): string {
  return t(n.key, n.doc ? { ...n.vars, what: t(`app.doc.${n.doc}`) } : n.vars);
}

/** Which screen is shown (mirrored in the URL hash so a reload keeps it) and the notices bar. */
export class AppState {
  screen: ScreenId = $state('lesson');
  notices: Notice[] = $state([]);
  #nextId = 1;

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

  /** Show a notice, once: the same key with the same values is not added twice. */
  notify(tone: Notice['tone'], key: MessageKey, vars: Readonly<Record<string, string | number>> = {}, doc?: Notice['doc']): void {
    const same = (n: Notice) => n.key === key && n.doc === doc && JSON.stringify(n.vars) === JSON.stringify(vars);
    if (this.notices.some(same)) return;
    this.notices.push({ id: this.#nextId++, tone, key, vars, ...(doc ? { doc } : {}) });
  }

  notifyQuarantine(notice: QuarantineNotice): void {
    const key = notice.restored ? 'app.quarantined.restored' : 'app.quarantined.defaults';
    this.notify('warning', key, { error: notice.error, movedTo: notice.movedTo }, notice.kind);
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }
}
