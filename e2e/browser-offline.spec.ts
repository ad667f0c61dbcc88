import { expect, test, type Page } from '@playwright/test';
import { DIST_WEB, serveSite, type StaticSite } from './static-site';

/**
 * The browser build as an offline web app (issue: school IT). Served by a plain static server under a sub-path, as
 * a school intranet would, once without and once with the cross-origin isolation headers.
 */
test.use({ serviceWorkers: 'allow' });

let site: StaticSite;
test.afterEach(async () => site?.close());

/** First, online visit: wait until the service worker has stored every file (the page then says so). */
async function visitOnline(page: Page): Promise<void> {
  await page.goto(site.url);
  await expect(page.getByTestId('notice').filter({ hasText: 'opens without a network' })).toBeVisible({ timeout: 60_000 });
}

test('after one online visit it reloads offline, every screen opens and training works (sub-path, no isolation headers)', async ({ page, context }) => {
  site = await serveSite({ root: DIST_WEB, prefix: '/rnn-lab/', isolation: false });
  await visitOnline(page);

  const failed: string[] = [];
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();

  // Every screen, each a lazily loaded chunk that must come from the offline copy.
  for (const [nav, check] of [
    ['Gradients', () => expect(page.locator('main h1, main h2').first()).toBeVisible()],
    ['Quiz', () => expect(page.locator('main h1, main h2').first()).toBeVisible()],
    ['Lesson', () => expect(page.getByTestId('lesson-next')).toBeVisible()],
  ] as const) {
    await page.getByRole('navigation').getByRole('link', { name: nav }).click();
    await check();
  }
  await expect(page.locator('.katex').first()).toBeVisible(); // formulas, with their bundled fonts

  await page.getByRole('navigation').getByRole('link', { name: 'Lab' }).click();
  await expect(page.getByTestId('metric-params')).toHaveText(/^\d[\d,]*$/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByTestId('lab-status')).toContainText('Training');
  await expect.poll(async () => Number(await page.getByTestId('metric-step').getAttribute('data-value')), { timeout: 30_000 }).toBeGreaterThan(20);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false); // portable kernels, as without the headers online
  // Every file of the app came from the offline copy. Only the host's optional policy.json was not reachable, which
  // is no policy here, and no warning about it.
  expect(failed.filter((f) => !f.includes('/policy.json '))).toEqual([]);
  await expect(page.getByTestId('notice').filter({ hasText: 'policy' })).toHaveCount(0);
});

test('with the isolation headers the offline copy keeps them, so the worker still gets the fast kernels', async ({ page, context }) => {
  site = await serveSite({ root: DIST_WEB, prefix: '/', isolation: true });
  await visitOnline(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('header').getByRole('link', { name: 'Lab', exact: true })).toBeVisible();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});

test('a new version waits until the learner reloads, and the running page keeps its own version meanwhile', async ({ page }) => {
  site = await serveSite({ root: DIST_WEB, prefix: '/rnn-lab/', isolation: false });
  await visitOnline(page);
  // The host publishes a new build: a service worker with other bytes.
  site.setFile('sw.js', `${await site.fileText('sw.js')}\n// next build\n`);
  await page.reload();
  const ready = page.getByTestId('notice').filter({ hasText: 'A new version of RNN Lab is ready' });
  await expect(ready).toBeVisible({ timeout: 60_000 });
  // Still the old version in charge: a screen loaded now comes from the same, complete offline copy.
  const before = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
  await page.getByRole('navigation').getByRole('link', { name: 'Gradients' }).click();
  await expect(page.locator('main h1, main h2').first()).toBeVisible();
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(before);
  await Promise.all([page.waitForEvent('load'), ready.getByRole('button', { name: 'Reload now' }).click()]);
  await expect(page.locator('header').getByRole('link', { name: 'Lab', exact: true })).toBeVisible();
  await expect(ready).toHaveCount(0);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
});
