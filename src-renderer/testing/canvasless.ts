import { unmount, type mount } from 'svelte';
import { afterEach, beforeEach, vi } from 'vitest';

/**
 * For tests of components that paint canvases. jsdom has no 2D canvas: getContext answers null, which the painters
 * leave alone (their data-rows/cols still update). After each test, every component handed to the returned `keep`
 * is unmounted and the document emptied.
 */
export function canvaslessComponents(): (app: ReturnType<typeof mount>) => void {
  const apps: ReturnType<typeof mount>[] = [];
  beforeEach(() => vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null));
  afterEach(() => {
    vi.restoreAllMocks();
    for (const app of apps.splice(0)) unmount(app);
    document.body.innerHTML = '';
  });
  return (app) => void apps.push(app);
}
