import type { TrainingConfig } from '../../src-shared/protocol/training-config';
import { isShareFragment, parseShareFragment } from '../../src-shared/protocol/share-link';
import type { Backend } from '../backend/backend';
import { createBackend } from '../backend/select-backend';
import { registerServiceWorker } from '../backend/service-worker';
import { LOCALES, locale, resolveLocale } from '../i18n/i18n.svelte';
import { logProblem } from '../i18n/problem-text';
import { LabState } from '../lab/lab-state.svelte';
import { RunsState } from '../lab/runs-state.svelte';
import { classroom } from '../quiz/classroom.svelte';
import { LiveFeed } from '../views/gradients/live-feed.svelte';
import type { AppState } from './app-state.svelte';
import { applyStartupPolicy } from './apply-policy';
import { managed } from './managed.svelte';
import { SettingsState } from './settings-state.svelte';

/**
 * The app's start-up, in the order it must happen: the backend, the browser build's service worker, the storage
 * notices, the settings, the machine policy, then (except in the audience window) the live feed, the Lab with any
 * share link's config, and the saved runs. Each piece is handed to the shell as soon as it exists, so the screens
 * appear one by one rather than all at the end.
 */

export type ShareLink = ReturnType<typeof parseShareFragment>;

/** A share link (#share=…) opens the Lab with its config: read once, then the address shows #lab. */
export function takeShareLink(): ShareLink | null {
  const shared = isShareFragment(location.hash) ? parseShareFragment(location.hash) : null;
  if (shared) history.replaceState(null, '', '#lab');
  return shared;
}

export interface StartupSink {
  /** The shell stopped (unmounted) while start-up was waiting: what start-up made since is disposed, not handed over. */
  readonly stopped: () => boolean;
  /** Whether this window is presenter mode's audience window (asked once the backend says if it has presenters). */
  readonly audience: () => boolean;
  backend(backend: Backend): void;
  settings(settings: SettingsState): void;
  /** The live feed first: it must hear the run from the Lab's first 'sync'. */
  lab(lab: LabState, liveFeed: LiveFeed): void;
  runs(runs: RunsState): void;
}

export async function startApp(app: AppState, shared: ShareLink | null, sink: StartupSink): Promise<void> {
  const b = await createBackend();
  if (sink.stopped()) return b.dispose();
  sink.backend(b);
  if (b.shell === 'browser') {
    void registerServiceWorker({
      onOfflineReady: () => app.notify('info', 'ui.pwa.offlineReady'),
      onUpdateReady: (apply) => app.notify('info', 'ui.pwa.ready', {}, { action: { label: 'ui.pwa.reload', run: apply } }),
    });
  }
  b.docs.onQuarantined((n) => {
    logProblem(`saved ${n.kind} moved aside to ${n.movedTo}`, n.problem);
    app.notifyQuarantine(n);
  });
  b.docs.onStatus((status) => app.notifyStorage(status));
  // A read-only data folder (another instance, a full or read-only disk) is said at once, not at the first save.
  void b.docs.status().then((status) => app.notifyStorage(status), (err: unknown) => console.warn('RNN Lab: no storage status', err));

  const s = new SettingsState(b.docs);
  const failure = await s.load();
  // Same text as the store's quarantine event, so the notice shows once whichever arrives first.
  if (failure?.quarantinedTo) app.notifyQuarantine({ kind: 'settings', movedTo: failure.quarantinedTo, problem: failure.problem });
  else if (failure) app.notify('warning', 'app.settingsUnreadable', { error: failure.problem });
  if (failure) logProblem('settings not loaded', failure.problem);
  sink.settings(s);

  const policy = await b.policy();
  managed.load = policy;
  const issues = applyStartupPolicy(policy, {
    savedLocale: resolveLocale(s.value.locale),
    hasSavedSettings: s.stored,
    locales: LOCALES,
    setLocale: (l) => locale.set(l),
    usePack: (pack) => classroom.use(pack),
  });
  for (const issue of issues) logProblem(`policy ${policy.source ?? ''}`, issue);
  if (issues.length > 0) app.notify('warning', 'ui.policy.issues', { source: policy.source ?? '', issues });
  if (sink.audience()) return; // the audience window never trains

  // Before the Lab's state, which asks the trainer to 'sync': the feed hears the run from its first event.
  const liveFeed = new LiveFeed(b.trainer);
  const lab = new LabState({
    trainer: b.trainer,
    initialConfig: s.value.lastConfig,
    openTextFile: b.openTextFile ? (req) => b.openTextFile!(req) : undefined,
    onConfigChange: (config: TrainingConfig, discrete?: boolean) => {
      s.rememberConfig(config);
      // A lesson change or its undo is kept at once: a reload right after it must not bring the other config back.
      if (discrete) void s.flush();
    },
  });
  sink.lab(lab, liveFeed);
  if (shared?.ok) {
    lab.applyConfig(shared.config);
    app.notify('info', 'ui.runs.shareOpened');
  } else if (shared) {
    logProblem('share link', shared.problem);
    app.notify('warning', 'ui.runs.shareBad', { error: shared.problem });
  }
  const r = new RunsState(b.docs, lab, b.runFiles);
  await r.load();
  if (sink.stopped()) return;
  sink.runs(r);
}
