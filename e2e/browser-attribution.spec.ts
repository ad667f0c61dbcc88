import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, numberAttr, openLab } from './web-helpers';

/**
 * Issue 18: the Gradients screen's connectivity panel. It fills in from the Lab's run (heatmap pixels, word shares,
 * a computed notice that changes as the model trains), and the RNN / LSTM / GRU comparison trains on the trainer
 * host and draws three panels with a callout computed from them. The vanishing-gradients section links to it.
 */

/** axe on the connectivity section only (the rest of the screen has its own spec). */
async function expectSectionAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).include('#attribution').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
}

/** Shares (0..1) written on the shaded words of a panel. */
async function shares(page: Page, id: string): Promise<number[]> {
  return page.getByTestId(`${id}-tokens`).locator('[data-share]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-share'))));
}

test.describe('what each prediction depends on', () => {
  test('the Lab run’s connectivity fills in after training, and its notice changes as the model learns', async ({ page }) => {
    test.setTimeout(60_000);
    const errors = collectErrors(page);
    await openLab(page);
    await page.goto('/#gradients');
    await expect(page.getByTestId('attrib-live-empty')).toContainText('Train a model in the Lab');

    const toggle = page.getByTestId('live-toggle');
    await expect(toggle).toBeEnabled({ timeout: 30_000 });
    await toggle.click();
    const notice = page.getByTestId('attrib-live-notice');
    await expect(notice).toContainText(/can depend on \d+ words?, and its last (word alone carries|\d+ words carry) 90% of its weight/, { timeout: 20_000 });
    await expect.poll(() => numberAttr(page, 'heatmap-attrib-live-canvas', 'data-drawn')).toBeGreaterThan(0);
    const first = await notice.textContent();
    // The same review, a model that keeps learning: the numbers of the notice move with it.
    await expect.poll(() => notice.textContent(), { timeout: 20_000 }).not.toBe(first);
    await toggle.click();

    const s = await shares(page, 'attrib-live');
    expect(s.length).toBeGreaterThan(3);
    expect(s.filter((x) => x > 0).length).toBeGreaterThan(0);
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
    // Each word's share is in its text too, not only in its colour.
    await expect(page.getByTestId('attrib-live-tokens').locator('[data-share]').first()).toHaveAttribute('title', /: \d+% of the attribution/);

    // Picking an output step from the keyboard: a many-to-one run has the one verdict row.
    await page.getByTestId('heatmap-attrib-live').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('card-attrib-live').getByText(/output at step \d+ \(“.+”\), word \d+ “.+”: a\[t\]\[s\] = /)).toBeVisible();
    await expectSectionAccessible(page);
    expect(errors).toEqual([]);
  });

  test('the RNN, LSTM and GRU comparison completes with three panels and a callout that follows the run', async ({ page }) => {
    test.setTimeout(60_000);
    const errors = collectErrors(page);
    await page.goto('/#gradients');
    await page.getByTestId('compare-steps').fill('150');
    await page.getByTestId('compare-start').click();
    await expect(page.getByTestId('compare-progress')).toBeVisible();
    const callout = page.locator('[data-testid=compare-callout][data-status=done]');
    await expect(callout).toBeVisible({ timeout: 40_000 });
    for (const cell of ['rnn', 'lstm', 'gru']) {
      await expect(page.getByTestId(`card-compare-${cell}`)).toContainText('step 150');
      expect(await numberAttr(page, `heatmap-compare-${cell}-canvas`, 'data-drawn')).toBeGreaterThan(0);
      expect((await shares(page, `compare-${cell}`)).some((x) => x > 0)).toBe(true);
    }
    await expect(callout).toContainText(/LSTM.*of the verdict’s attribution comes from the last 4 words|LSTM has not learned/);
    const before = await callout.textContent();

    // Another distance between the verdict and the end of the review: another run, other numbers.
    await page.getByTestId('compare-gap').fill('2');
    await page.getByTestId('compare-start').click();
    await expect(page.locator('[data-testid=compare-callout][data-status=done]')).toBeVisible({ timeout: 40_000 });
    await expect(page.getByTestId('compare-callout')).not.toHaveText(before ?? '');
    await expectSectionAccessible(page);
    expect(errors).toEqual([]);
  });

  test('the vanishing-gradients section opens the Gradients screen on the connectivity panel', async ({ page }) => {
    await page.goto('/#lesson');
    for (let i = 0; i < 3; i++) await page.getByTestId('lesson-next').click();
    await page.getByTestId('lesson-link-attribution').click();
    await expect(page).toHaveURL(/#gradients$/);
    await expect(page.locator('#h-attrib')).toBeFocused();
    await expect(page.locator('#h-attrib')).toBeInViewport();
  });
});
