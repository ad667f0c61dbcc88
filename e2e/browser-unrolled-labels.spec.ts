import { expect, test, type Page } from '@playwright/test';
import { trackWebGLContexts } from './webgl-contexts';
import { collectErrors, WEB_ORIGIN } from './web-helpers';

/**
 * The 3D view's labels (issue 13): signed-distance-field text from the bundled font, no smaller than 11 CSS px on
 * screen at any camera preset (16 px with large labels), nothing fetched from elsewhere, and the shared glyph atlas
 * given back and restored as views come and go.
 */

const view = (page: Page) => page.getByTestId('unrolled-view').first();
const gl = (page: Page) => page.getByTestId('unrolled-webgl').first();

async function labels(page: Page): Promise<{ count: number; px: number }> {
  const count = Number(await gl(page).getAttribute('data-labels'));
  const px = Number(await gl(page).getAttribute('data-label-px'));
  return { count, px };
}

async function openDemo(page: Page): Promise<void> {
  await page.goto('/#lesson');
  await expect(view(page)).toHaveAttribute('data-mode', 'webgl', { timeout: 10_000 });
  await expect.poll(async () => Number(await view(page).getAttribute('data-training-step')), { timeout: 10_000 }).toBeGreaterThan(0);
  await view(page).scrollIntoViewIfNeeded();
}

test.describe('unrolled view labels', () => {
  test('are drawn from the bundled font at every preset, none under 11 CSS px (16 px with large labels), with nothing fetched elsewhere', async ({ page }) => {
    const errors = collectErrors(page);
    const foreign: string[] = [];
    const fonts: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(WEB_ORIGIN) && !r.url().startsWith('data:')) foreign.push(r.url());
      if (/\.(ttf|otf|woff2?)$/.test(new URL(r.url()).pathname)) fonts.push(new URL(r.url()).pathname);
    });
    await openDemo(page);
    await expect.poll(async () => (await labels(page)).count, { timeout: 10_000 }).toBeGreaterThan(5);
    expect(fonts.some((f) => /DejaVuSansCondensed-Bold\.subset.*\.ttf$/.test(f))).toBe(true);
    for (const preset of ['Angled', 'From above', 'Whole chain', 'Reset view']) {
      await view(page).getByRole('button', { name: preset, exact: true }).click();
      await page.waitForTimeout(400);
      const l = await labels(page);
      expect(l.count, preset).toBeGreaterThan(5);
      expect(l.px, preset).toBeGreaterThanOrEqual(11);
    }
    await view(page).getByLabel('Large labels').check();
    await view(page).getByRole('button', { name: 'From above', exact: true }).click();
    await expect.poll(async () => (await labels(page)).px).toBeGreaterThanOrEqual(16);
    expect((await labels(page)).count).toBeGreaterThan(3);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('switching the language redraws the canvas words', async ({ page }) => {
    const errors = collectErrors(page);
    await openDemo(page);
    await expect.poll(async () => (await labels(page)).count, { timeout: 10_000 }).toBeGreaterThan(5);
    const frames = async () => Number(await gl(page).getAttribute('data-frames'));
    const before = await frames();
    await page.locator('select:has(option[value="fr"])').first().selectOption('fr');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    await expect.poll(frames, { timeout: 5000 }).toBeGreaterThan(before);
    await expect.poll(async () => (await labels(page)).count, { timeout: 5000 }).toBeGreaterThan(5);
    expect(errors).toEqual([]);
  });

  test('come back after the view is unmounted and mounted again (the glyph atlas is released and restored)', async ({ page }) => {
    const { live } = await trackWebGLContexts(page);
    for (let i = 0; i < 3; i++) {
      await openDemo(page);
      await expect.poll(async () => (await labels(page)).count, { timeout: 10_000 }).toBeGreaterThan(5);
      await page.goto('/#quiz');
      await expect(page.getByTestId('unrolled-view')).toHaveCount(0);
      await expect.poll(live, { timeout: 5000 }).toBe(0);
    }
  });
});
