/**
 * What the shell creates once and every screen may use, handed down as a Svelte context so a component deep in a
 * lesson, a quiz question or a presenter slide reaches it without each level passing it on. The shell provides
 * getters: a screen reads the current value, and is updated when the shell's backend arrives.
 */
import { getContext, setContext } from 'svelte';
import type { Backend } from '../backend/backend';
import type { LiveFeed } from '../views/gradients/live-feed.svelte';

export interface AppServices {
  readonly backend: Backend | null;
  /** The Lab's run as the Gradients screen shows it, recorded from app start (null in the audience window). */
  readonly liveFeed: LiveFeed | null;
}

const KEY = Symbol('rnn-lab:services');
const NONE: AppServices = { backend: null, liveFeed: null };

/** Call during the shell's component initialisation. */
export function provideServices(services: AppServices): void {
  setContext(KEY, services);
}

/** The shell's services, or none (a component mounted on its own, as in a test). Call during initialisation. */
export function appServices(): AppServices {
  return getContext<AppServices | undefined>(KEY) ?? NONE;
}

/** The context for mounting one screen on its own with the shell's services (component tests). */
export function servicesContext(services: AppServices): Map<symbol, AppServices> {
  return new Map([[KEY, services]]);
}
