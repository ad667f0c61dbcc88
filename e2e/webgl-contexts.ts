import type { Page } from '@playwright/test';

/**
 * Record every WebGL context the page creates, from before its first script runs, so a test can count the ones still
 * alive (not lost) after views unmount. Call before the first `page.goto`.
 */
export async function trackWebGLContexts(page: Page): Promise<{ live(): Promise<number>; made(): Promise<number> }> {
  await page.addInitScript(() => {
    const contexts: (WebGLRenderingContext | WebGL2RenderingContext)[] = [];
    (window as unknown as { __glContexts: typeof contexts }).__glContexts = contexts;
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
      const ctx = (original as (...a: unknown[]) => unknown).call(this, kind, ...rest);
      if (ctx && (kind === 'webgl' || kind === 'webgl2') && !contexts.includes(ctx as WebGLRenderingContext)) contexts.push(ctx as WebGLRenderingContext);
      return ctx;
    } as typeof original;
  });
  return {
    live: () => page.evaluate(() => (window as unknown as { __glContexts: WebGLRenderingContext[] }).__glContexts.filter((c) => !c.isContextLost()).length),
    made: () => page.evaluate(() => (window as unknown as { __glContexts: unknown[] }).__glContexts.length),
  };
}

/**
 * Make the page's WebGL unavailable (getContext returns null for it), from before its first script runs, as on a
 * machine without it: the unrolled view then draws its SVG fallback. Call before the first `page.goto`.
 */
export async function withoutWebGL(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
      if (kind === 'webgl' || kind === 'webgl2') return null;
      return (original as (...a: unknown[]) => unknown).call(this, kind, ...rest);
    } as typeof original;
  });
}
