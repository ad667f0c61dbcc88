import { expect, test } from '@playwright/test';
import { describeMainThread, expectNoLongWork, recordMainThread } from './main-thread';
import { collectErrors, idbRead, idbWrite, IDB, numberAttr, openLab, WEB_ORIGIN } from './web-helpers';

test.describe('browser build', () => {
  test('loads with no console errors and no request leaving its origin', async ({ page }) => {
    const errors = collectErrors(page);
    const urls: string[] = [];
    page.on('request', (req) => urls.push(req.url()));

    await page.goto('/');
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    await openLab(page);
    await expect(page.getByTestId('lab-status')).toContainText('Ready');

    expect(errors).toEqual([]);
    expect(urls.length).toBeGreaterThan(0);
    const foreign = urls.filter((u) => !u.startsWith(WEB_ORIGIN) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
  });

  test('top navigation is keyboard reachable and marks the current screen', async ({ page }) => {
    await page.goto('/#lesson');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await expect(nav.getByRole('link', { name: 'Lesson' })).toHaveAttribute('aria-current', 'page');
    await nav.getByRole('link', { name: 'Quiz' }).focus();
    await page.keyboard.press('Enter');
    await expect(nav.getByRole('link', { name: 'Quiz' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'Lesson' })).not.toHaveAttribute('aria-current', /.*/);
    await expect(page.getByRole('heading', { level: 1, name: 'Quiz' })).toBeVisible();
  });

  test('a training run started from the UI lowers the loss', async ({ page }) => {
    const errors = collectErrors(page);
    await openLab(page);
    await page.getByRole('button', { name: 'Train' }).click();
    await expect(page.getByTestId('lab-status')).toContainText('Training');

    await expect.poll(() => numberAttr(page, 'metric-loss', 'data-first'), { timeout: 20_000 }).toBeGreaterThan(0);
    const first = await numberAttr(page, 'metric-loss', 'data-first');
    await expect
      .poll(() => numberAttr(page, 'metric-loss', 'data-value'), { timeout: 60_000, intervals: [500] })
      .toBeLessThan(first * 0.6);
    expect(await numberAttr(page, 'metric-step', 'data-value')).toBeGreaterThan(20);
    await expect(page.getByTestId('metric-test-accuracy')).toHaveText(/%$/);
    // Chromium runs relaxed SIMD, so the worker's model trains on the fused build of the kernels
    await expect(page.getByTestId('metric-kernels')).toHaveText('(WebAssembly SIMD, fused multiply-add)');
    // The chart draws both loss curves and says in words what it shows.
    const chart = page.getByTestId('loss-chart');
    await expect(chart).toHaveAttribute('aria-label', /^Loss curve over \d[\d,]* steps: smoothed loss \d/);
    for (const curve of ['raw', 'smooth']) await expect(chart.locator(`path.line.${curve}`)).toHaveAttribute('d', /^M[^L]*L/);

    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByTestId('lab-status')).toContainText('Paused');
    expect(errors).toEqual([]);
  });

  test('keyboard shortcuts train, pause, step and reset', async ({ page }) => {
    await openLab(page);
    await page.locator('body').click({ position: { x: 5, y: 600 } });
    await page.keyboard.press('Space');
    await expect(page.getByTestId('lab-status')).toContainText('Training');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('lab-status')).toContainText('Paused');
    const before = await numberAttr(page, 'metric-step', 'data-value');
    await page.keyboard.press('s');
    await expect.poll(() => numberAttr(page, 'metric-step', 'data-value')).toBe(before + 1);
    await page.keyboard.press('r');
    await expect.poll(() => numberAttr(page, 'metric-step', 'data-value')).toBe(0);
    // Typing in the seed box is not a shortcut.
    await page.locator('#seed-input').fill('');
    await page.locator('#seed-input').pressSequentially('7');
    await expect(page.getByTestId('lab-status')).toContainText('Ready');
  });

  test('the page stays responsive while training (no main-thread task over 50 ms)', { tag: '@timing' }, async ({ page }) => {
    await openLab(page);
    await page.getByRole('button', { name: 'Train' }).click();
    await expect.poll(() => numberAttr(page, 'metric-step', 'data-value')).toBeGreaterThan(10);
    await page.waitForTimeout(1000);

    const stepAtStart = await numberAttr(page, 'metric-step', 'data-value');
    const record = await recordMainThread(page, () => page.waitForTimeout(5000));
    expect(await numberAttr(page, 'metric-step', 'data-value')).toBeGreaterThan(stepAtStart + 50);
    // The UI thread does a few ms of work per stats message; more than 50 ms in one task means it did too much.
    console.log(`Lab while training: ${describeMainThread(record)}`);
    expectNoLongWork(record);
  });

  test('a crashed training worker is replaced and the run continues from its last checkpoint', async ({ page }) => {
    const errors = collectErrors(page);
    await openLab(page);
    await page.getByRole('button', { name: 'Train' }).click();
    await expect.poll(() => numberAttr(page, 'metric-step', 'data-value')).toBeGreaterThan(20);
    await page.waitForTimeout(3500); // the trainer sends its supervisor a checkpoint every 2 s while training

    const [worker] = page.workers().filter((w) => w.url().includes('trainer.worker'));
    expect(worker, 'the trainer worker is running').toBeTruthy();
    await worker.evaluate(() => {
      setTimeout(() => {
        throw new Error('simulated trainer crash');
      });
    });

    const status = page.getByTestId('lab-status');
    await expect(status).toContainText('restarted (attempt 1)');
    await expect(status).toContainText(/continued from step \d+/);
    const restoredStep = Number((await status.innerText()).match(/continued from step (\d+)/)?.[1]);
    expect(restoredStep).toBeGreaterThan(0);
    await expect.poll(() => numberAttr(page, 'metric-step', 'data-value')).toBeGreaterThan(restoredStep + 20);
    await expect(status).toContainText('Training.');
    expect(errors.filter((e) => !e.includes('simulated trainer crash'))).toEqual([]);
  });

  test('settings survive a reload', async ({ page }) => {
    await openLab(page);
    await page.getByTestId('theme-select').selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const slider = page.locator('#hidden-size');
    const start = Number(await slider.inputValue());
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(slider).toHaveValue(String(start + 2));

    await expect
      .poll(async () => {
        const doc = (await idbRead(page, IDB.docs, 'settings')) as { theme?: string; lastConfig?: { hiddenSize?: number } } | undefined;
        return `${doc?.theme}/${doc?.lastConfig?.hiddenSize}`;
      })
      .toBe(`dark/${start + 2}`);

    await page.reload();
    await expect(page.getByTestId('metric-params')).toHaveText(/^\d/, { timeout: 30_000 });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByTestId('theme-select')).toHaveValue('dark');
    await expect(page.locator('#hidden-size')).toHaveValue(String(start + 2));
  });

  test('a corrupt settings record is quarantined and the user is told', async ({ page }) => {
    await openLab(page);
    await idbWrite(page, 'settings', { version: 1, theme: 'neon', lastConfig: 'nope' });
    await page.reload();

    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('settings could not be read');
    await expect(notice).toContainText('moved aside');
    await expect(page.getByTestId('metric-params')).toHaveText(/^\d/, { timeout: 30_000 });
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);

    const quarantined = (await idbRead(page, IDB.quarantine)) as { kind: string; data: { theme: string } }[];
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0].kind).toBe('settings');
    expect(quarantined[0].data.theme).toBe('neon');
    expect(await idbRead(page, IDB.docs, 'settings')).toBeUndefined();

    await notice.getByRole('button', { name: 'Dismiss this message' }).click();
    await expect(notice).toHaveCount(0);
  });
});
