import { expect, test } from '@playwright/test';
import { collectErrors, numberAttr, openLab } from './web-helpers';

/**
 * The browser build's supervisor is main's: a training worker that stops heartbeating (here an endless loop) is
 * declared hung within the 3 s limit, terminated, and replaced from its last checkpoint (issue 14).
 */
test('a hung training worker is detected, replaced, and the run continues from its last checkpoint', async ({ page }) => {
  const errors = collectErrors(page);
  await openLab(page);
  await page.getByRole('button', { name: 'Train' }).click();
  await expect.poll(() => numberAttr(page, 'metric-step', 'data-value')).toBeGreaterThan(20);
  await page.waitForTimeout(2_500); // the trainer sends its supervisor a checkpoint every 2 s while training

  const [worker] = page.workers().filter((w) => w.url().includes('trainer.worker'));
  expect(worker, 'the trainer worker is running').toBeTruthy();
  const hungAt = Date.now();
  await worker.evaluate(() => {
    setTimeout(() => {
      for (;;) {
        // spin: no heartbeat, no progress
      }
    });
  });

  const status = page.getByTestId('lab-status');
  await expect(status).toContainText('restarted (attempt 1)', { timeout: 15_000 });
  // The limit runs from the last heartbeat, which came at most one heartbeat interval (500 ms) before the spin.
  expect(Date.now() - hungAt, 'declared hung after the 3 s limit since the last heartbeat, not before').toBeGreaterThan(3_000 - 500);
  await expect(status).toContainText(/continued from step \d+/);
  const restoredStep = Number((await status.innerText()).match(/continued from step (\d+)/)?.[1]);
  expect(restoredStep).toBeGreaterThan(0);
  await expect.poll(() => numberAttr(page, 'metric-step', 'data-value')).toBeGreaterThan(restoredStep + 20);
  expect(errors).toEqual([]);
});
