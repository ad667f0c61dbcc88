import { screen, type BrowserWindow, type WebContents } from 'electron';
import { AUDIENCE_HASH, type InvokeContract, type PresenterState } from '../src-shared/protocol/ipc-contract';
import { problem } from '../src-shared/protocol/problem';
import { chooseAudiencePlacement } from './audience-display';
import { sendEvent } from './renderer-events';
import { createMainWindow } from './window';

export interface AudienceWindowOptions {
  readonly preload: string;
  /** The main window's entry URL (app://rnn-lab/index.html, or the dev server); the audience route is appended. */
  readonly entryUrl: string;
  readonly icon?: string;
  /** The presenter: the main window, while it is open. */
  readonly presenter: () => BrowserWindow | null;
}

/**
 * Presenter mode's second window: same secure window as the main one (createMainWindow), fullscreen on the
 * external display when there is one. It follows presenterSync from the presenter window only; closing
 * either window ends the session (the presenter gets 'audienceClosed').
 */
export class AudienceWindow {
  readonly #opts: AudienceWindowOptions;
  #win: BrowserWindow | null = null;
  #last: PresenterState | null = null;

  constructor(opts: AudienceWindowOptions) {
    this.#opts = opts;
  }

  open(requester: WebContents): InvokeContract['openAudienceWindow']['res'] {
    const presenter = this.#presenterFor(requester);
    if (!presenter) return { ok: false, problem: problem('presenter.notPresenter', undefined, 'only the presenter window can open the audience window') };
    if (this.#win && !this.#win.isDestroyed()) {
      this.#win.focus();
      return { ok: true };
    }
    const placement = chooseAudiencePlacement(screen.getAllDisplays(), screen.getDisplayMatching(presenter.getBounds()).id);
    const win = createMainWindow({
      preload: this.#opts.preload,
      url: `${this.#opts.entryUrl.replace(/#.*$/, '')}${AUDIENCE_HASH}`,
      icon: this.#opts.icon,
      title: 'RNN Lab — audience',
      ...(placement.fullscreen ? { bounds: placement.bounds, fullscreen: true } : {}),
    });
    this.#win = win;
    // The presenter may have moved on while the window loaded: replay where it is now.
    win.webContents.on('did-finish-load', () => {
      if (this.#last) sendEvent(win.webContents, 'presenterState', this.#last);
    });
    win.on('closed', () => {
      if (this.#win !== win) return;
      this.#win = null;
      this.#last = null;
      const p = this.#opts.presenter();
      if (p && !p.isDestroyed()) sendEvent(p.webContents, 'audienceClosed', {});
    });
    return { ok: true };
  }

  /** Forward the presenter's slide; false when there is no audience window or the sender is not the presenter. */
  sync(requester: WebContents, state: PresenterState): boolean {
    if (!this.#presenterFor(requester) || !this.#win || this.#win.isDestroyed()) return false;
    this.#last = state;
    return sendEvent(this.#win.webContents, 'presenterState', state);
  }

  /** End the session (the presenter window closed). */
  close(): void {
    if (this.#win && !this.#win.isDestroyed()) this.#win.close();
  }

  #presenterFor(requester: WebContents): BrowserWindow | null {
    const presenter = this.#opts.presenter();
    return presenter && !presenter.isDestroyed() && presenter.webContents === requester ? presenter : null;
  }
}
