import { expect, test } from '@playwright/test';
import { DIST_WEB, serveSite, type StaticSite } from './static-site';

/** A school's policy.json beside index.html (issue: school IT): locked language, no outbound links, bad keys reported. */
let site: StaticSite;
test.afterEach(async () => site?.close());

test('a policy beside the app locks the language and removes external links', async ({ page }) => {
  site = await serveSite({ root: DIST_WEB, prefix: '/rnn-lab/', isolation: false });
  site.setFile('policy.json', JSON.stringify({ locale: 'fr', lockLocale: true, externalLinks: false }));
  await page.goto(site.url);

  const language = page.getByRole('combobox', { name: /Langue/ });
  await expect(language).toHaveValue('fr');
  await expect(language).toBeDisabled();
  await expect(page.getByTestId('locale-managed')).toHaveText('Réglé par votre établissement');
  await expect(page.getByTestId('notice')).toHaveCount(0);

  await page.getByRole('button', { name: 'Références' }).click();
  await expect(page.getByTestId('links-off')).toBeVisible();
  await expect(page.locator('.refs button.link')).toHaveCount(0);
  await expect(page.locator('.refs').getByText('https://', { exact: false })).toHaveCount(0);
});

test('a policy with one bad key shows a notice, and its valid keys still apply', async ({ page }) => {
  site = await serveSite({ root: DIST_WEB, prefix: '/rnn-lab/', isolation: false });
  site.setFile('policy.json', JSON.stringify({ locale: 'fr', lockLocale: true, saving: 'no' }));
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(site.url);

  const notice = page.getByTestId('notice');
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('saving');
  await expect(notice).toContainText('policy.json');
  await expect(page.getByRole('combobox', { name: /Langue/ })).toBeDisabled();
  expect(warnings.some((w) => w.includes('saving: must be true or false'))).toBe(true);
});

test('without a policy nothing is managed and the references keep their links', async ({ page }) => {
  site = await serveSite({ root: DIST_WEB, prefix: '/rnn-lab/', isolation: false });
  await page.goto(site.url);
  await expect(page.getByRole('combobox', { name: /Language/ })).toBeEnabled();
  await expect(page.getByTestId('locale-managed')).toHaveCount(0);
  await page.getByRole('button', { name: 'References' }).click();
  await expect(page.locator('.refs button.link').first()).toBeVisible();
});
