import type { FixedDocKind, StorageStatus } from '../../src-shared/protocol/ipc-contract';
import type { QuarantineNotice } from '../backend/backend';
import type { MessageKey } from '../i18n/en';
import { t } from '../i18n/i18n.svelte';
import { wordedVars, type MessageVars } from '../i18n/message';
import { storageNotice } from './storage-notice';

/** The screens, in navigation order; each one's name is the catalogue's `ui.nav.<id>`. */
export const SCREENS = ['lesson', 'lab', 'gradients', 'quiz'] as const;
export type ScreenId = (typeof SCREENS)[number];

export function isScreenId(x: string): x is ScreenId {
  return (SCREENS as readonly string[]).includes(x);
}

/** A notice's values: text, numbers, and messages or problems worded when shown (i18n/message.ts). */
export type NoticeVars = MessageVars;
export interface NoticeAction {
  readonly label: MessageKey;
  readonly run: () => void;
}

/** A message for the notices bar, kept as a key and values so it is worded in whatever locale is current when shown. */
export interface Notice {
  readonly id: number;
  readonly tone: 'warning' | 'error' | 'info';
  readonly key: MessageKey;
  readonly vars: NoticeVars;
  /** Which saved document a quarantine notice is about: named in the current locale too. */
  readonly doc?: QuarantineNotice['kind'];
  /** A button beside the text (e.g. "Reload now" when a new version is ready), its label a message key too. */
  readonly action?: NoticeAction;
}

/** A notice in the current locale. */
export function noticeText(n: Notice): string {
  const vars = wordedVars(n.vars);
  return t(n.key, n.doc ? { ...vars, what: t(`app.doc.${n.doc.startsWith('run:') ? 'runs' : (n.doc as FixedDocKind)}`) } : vars);
}

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

  /** Show a notice, once: the same key with the same values is not added twice. */
  notify(tone: Notice['tone'], key: MessageKey, vars: NoticeVars = {}, extra: { doc?: Notice['doc']; action?: NoticeAction } = {}): void {
    const { doc, action } = extra;
    const same = (n: Notice) => n.key === key && n.doc === doc && JSON.stringify(n.vars) === JSON.stringify(vars);
    if (this.notices.some(same)) return;
    this.notices.push({ id: this.#nextId++, tone, key, vars, ...(doc ? { doc } : {}), ...(action ? { action } : {}) });
  }

  notifyQuarantine(notice: QuarantineNotice): void {
    // A saved run set aside has no defaults to fall back on: the notice says the other runs are unaffected.
    const key = notice.restored ? 'app.quarantined.restored' : notice.kind.startsWith('run:') ? 'app.quarantined.run' : 'app.quarantined.defaults';
    this.notify('warning', key, { error: notice.problem, movedTo: notice.movedTo }, { doc: notice.kind });
  }

  /** The read-only mode, announced once; when saving works again the warning gives way to a short note. */
  notifyStorage(status: StorageStatus): void {
    const previous = this.#storageNoticeId;
    if (status.mode === 'writable' && previous === null) return;
    const { key, vars } = storageNotice(status);
    if (previous !== null) this.dismiss(previous);
    this.notify(status.mode === 'writable' ? 'info' : 'warning', key, vars);
    this.#storageNoticeId = status.mode === 'writable' ? null : (this.notices.find((n) => n.key === key)?.id ?? null);
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
  }
}
