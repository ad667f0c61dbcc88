import { expect, test } from '@playwright/test';
import { collectErrors, numberAttr, openLab } from './web-helpers';

/** The Gradients screen's live panel trains and pauses the Lab's own run (issue 14: it was never wired). */
test.describe('the live panel on the Gradients screen', () => {
  test('Train starts the Lab’s run, Pause stops it, and the Lab shows the same run', async ({ page }) => {
    const errors = collectErrors(page);
    await openLab(page);
    await page.goto('/#gradients');
    const toggle = page.getByTestId('live-toggle');
    await expect(toggle).toHaveText('Train the Lab’s model');
    await expect(toggle).toBeEnabled({ timeout: 30_000 });
    await toggle.click();
    await expect(toggle).toHaveText('Pause the Lab’s model');
    await expect(page.getByRole('status').filter({ hasText: /training/i }).first()).toBeVisible();
    await page.waitForTimeout(1_500);
    await toggle.click();
    await expect(toggle).toHaveText('Train the Lab’s model');
    await page.goto('/#lab');
    await expect.poll(() => numberAttr(page, 'metric-step', 'data-value')).toBeGreaterThan(0);
    await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
    expect(errors).toEqual([]);
  });
});
