import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openLab } from './web-helpers';

for (const theme of ['light', 'dark', 'contrast'] as const) {
  test(`the Lab has no serious accessibility violations (${theme} theme)`, async ({ page }) => {
    await openLab(page);
    await page.getByTestId('theme-select').selectOption(theme);
    await page.getByRole('button', { name: 'Step' }).click();
    await expect(page.getByTestId('metric-step')).toHaveAttribute('data-value', '1');
    const results = await new AxeBuilder({ page }).include('.shell').analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
  });
}
