import type { Settings } from '../../src-shared/protocol/documents';
import { DEFAULT_CONFIG, type TrainingConfig } from '../../src-shared/protocol/training-config';
import type { DocStore } from '../backend/backend';
import type { Problem } from '../../src-shared/protocol/problem';

export type ThemeChoice = Settings['theme'];

export function defaultSettings(): Settings {
  return {
    version: 1,
    theme: 'system',
    largeText: false,
    reducedMotion: 'system',
    locale: 'en',
    lastConfig: structuredClone(DEFAULT_CONFIG),
  };
}

/** How long edits settle before they are written (slider drags produce many). */
export const SAVE_DELAY_MS = 300;

/**
 * The settings document: loaded once at startup, edited through `update`, written back after a short pause.
 * A document that cannot be read leaves the defaults in place; the store reports the quarantine itself.
 */
export class SettingsState {
  value: Settings = $state(defaultSettings());
  /** Last save failure, shown to the user; null when everything is written. */
  /** Why the last save failed (worded where it is shown), or null. */
  saveError: Problem | null = $state.raw(null);
  /** Whether settings were ever saved on this machine (false at a learner's first launch). */
  stored = $state(false);
  /** Increments after each successful write (e2e tests and the UI's "saved" hint use it). */
  savedCount = $state(0);
  readonly #docs: DocStore;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(docs: DocStore) {
    this.#docs = docs;
  }

  /** Load the stored settings; on failure the defaults stay and the problem is returned for a notice. */
  async load(): Promise<{ problem: Problem; quarantinedTo?: string } | null> {
    const res = await this.#docs.load('settings');
    if (!res.ok) return { problem: res.problem, quarantinedTo: res.quarantinedTo };
    if (res.value) {
      this.value = res.value;
      this.stored = true;
    }
    return null;
  }

  update(patch: Partial<Omit<Settings, 'version'>>): void {
    this.value = { ...this.value, ...patch };
    this.#scheduleSave();
  }

  rememberConfig(config: TrainingConfig): void {
    this.update({ lastConfig: $state.snapshot(config) as TrainingConfig });
  }

  /** Write a pending edit now (the page is going away). */
  flushPending(): void {
    if (this.#timer !== null) void this.flush();
  }

  /** Write now (used before unload and by tests). */
  async flush(): Promise<void> {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    const res = await this.#docs.save('settings', $state.snapshot(this.value) as Settings);
    if (res.ok) {
      this.saveError = null;
      this.savedCount += 1;
    } else {
      this.saveError = res.problem;
    }
  }

  #scheduleSave(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }
}
