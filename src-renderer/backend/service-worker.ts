/**
 * The browser build's offline copy (the service worker vite-plugin-pwa generates into sw.js, see vite.web.config.ts).
 * A new version installs in the background and waits; `onUpdateReady` hands the page a function that switches to it
 * (the waiting worker takes over, then the page reloads once), so the running page never mixes two versions.
 */
export interface ServiceWorkerEvents {
  /** The first install finished: the app now opens without a network. */
  onOfflineReady(): void;
  /** A newer version is installed and waiting; call `apply` to move to it. */
  onUpdateReady(apply: () => void): void;
}

type Container = Pick<ServiceWorkerContainer, 'register' | 'controller' | 'addEventListener'>;

export async function registerServiceWorker(events: ServiceWorkerEvents, base = document.baseURI, container: Container | undefined = navigator.serviceWorker, reload = () => location.reload()): Promise<void> {
  if (!container) return; // not a secure context, or a browser without service workers: the app still runs online
  let reg: ServiceWorkerRegistration | undefined;
  try {
    reg = await container.register(new URL('sw.js', base).href);
  } catch (err) {
    console.warn('RNN Lab: the offline copy could not be set up', err);
    return;
  }
  // A browser (or test harness) that blocks service workers may resolve the registration with nothing.
  if (!reg) return;
  const apply = () => {
    container.addEventListener('controllerchange', () => reload(), { once: true });
    reg.waiting?.postMessage({ type: 'SKIP_WAITING' });
  };
  // An update found on an earlier visit is already waiting.
  if (reg.waiting && container.controller) events.onUpdateReady(apply);
  reg.addEventListener('updatefound', () => {
    const worker = reg.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state !== 'installed') return;
      if (container.controller) events.onUpdateReady(apply);
      else events.onOfflineReady();
    });
  });
}
