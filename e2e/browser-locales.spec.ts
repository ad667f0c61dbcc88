import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import type { MessageKey } from '../src-renderer/i18n/en';
import { es } from '../src-renderer/i18n/es';
import { fr } from '../src-renderer/i18n/fr';
import { englishOnScreen, visibleTexts, type CheckedLocale } from './locale-text';
import { numberAttr, openLab } from './web-helpers';

/**
 * No English left on screen: every screen walked in French and in Spanish (each lesson section, the take-aways and
 * references, presenter mode, the Lab before and while training, each Gradients panel before and after its runs,
 * the quiz), failing on any visible or spoken text that is an English catalogue string or English prose
 * (see locale-text.ts for what counts and what is allowed). Then: a locale switch rewords exports and aria text.
 */

const LANGUAGE_MENU = 'select:has(option[value="fr"])';

async function useLocale(page: Page, locale: string): Promise<void> {
  await page.locator(LANGUAGE_MENU).first().selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

async function expectNoEnglish(page: Page, locale: CheckedLocale, where: string): Promise<void> {
  const english = englishOnScreen(await visibleTexts(page), locale);
  expect(english, `English on screen (${locale}, ${where})`).toEqual([]);
}

async function setRange(page: Page, testId: string, value: number): Promise<void> {
  await setSlider(page.getByTestId(testId), value);
}

/** Move a range input the way a drag does: set its value and fire `input`. */
async function setSlider(slider: Locator, value: number): Promise<void> {
  await slider.evaluate((el, v) => {
    const input = el as HTMLInputElement;
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

const CATALOGUES = { fr, es } as const;

/** A learner's own text in the walk's language (the character model needs at least 300 characters). */
const OWN_TEXT: Record<CheckedLocale, string> = {
  fr: (
    'Le vent souffle sur la colline et les moutons rentrent à la bergerie avant la nuit. ' +
    'La rivière coule doucement sous le vieux pont de pierre, et les enfants y jettent des cailloux. '
  ).repeat(4),
  es: (
    'El viento sopla sobre la colina y las ovejas vuelven al redil antes de la noche. ' +
    'El río corre despacio bajo el viejo puente de piedra, y los niños tiran piedras al agua. '
  ).repeat(4),
};

/** A learner's CSV whose line 3 lacks its label (column 2). */
const OWN_CSV: Record<CheckedLocale, string> = {
  fr: ['text,label', 'une belle journée,content', 'pas d’étiquette ici', ...Array.from({ length: 12 }, (_, i) => `un jour ${i},${i % 2 ? 'content' : 'triste'}`)].join('\n'),
  es: ['text,label', 'un día precioso,alegre', 'aquí falta la etiqueta', ...Array.from({ length: 12 }, (_, i) => `un día ${i},${i % 2 ? 'alegre' : 'triste'}`)].join('\n'),
};

async function downloadText(page: Page, click: () => Promise<void>): Promise<string> {
  const [dl]: [Download, void] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFile((await dl.path())!, 'utf8');
}

for (const locale of ['fr', 'es'] as const) {
  test.describe(`${locale}: no English on screen`, () => {
    test(`${locale}: every lesson section, the take-aways and the references`, async ({ page }) => {
      await page.goto('/#lesson');
      await useLocale(page, locale);
      await expect(page.locator('#section-title')).toBeVisible();
      for (let i = 0; i < 7; i++) {
        await expectNoEnglish(page, locale, `lesson section ${i + 1}`);
        await page.getByTestId('lesson-next').click();
      }
      await expectNoEnglish(page, locale, 'take-aways');
      await page.locator('ul.pages button.item').last().click();
      await expectNoEnglish(page, locale, 'references');
    });

    test(`${locale}: presenter mode`, async ({ page }) => {
      await page.goto('/#lesson');
      await useLocale(page, locale);
      await page.locator('.tools button.rl-btn').first().click();
      const deck = page.getByTestId('presenter');
      await expect(deck).toBeVisible();
      await expectNoEnglish(page, locale, 'presenter, first slide');
      await page.keyboard.press('n');
      await page.keyboard.press('PageDown');
      await expectNoEnglish(page, locale, 'presenter, second slide with notes');
      await page.keyboard.press('Escape');
    });

    test(`${locale}: the Lab, idle and training, its run limits, saved runs and your data`, async ({ page }) => {
      test.setTimeout(180_000);
      const say = CATALOGUES[locale];
      const button = (key: MessageKey) => page.getByRole('button', { name: say[key], exact: true });
      const step = () => numberAttr(page, 'metric-step', 'data-value');
      await openLab(page);
      await useLocale(page, locale);
      await expectNoEnglish(page, locale, 'Lab, idle');

      // Both run limits on (their value fields show), the speed slider at a slow stop, then back to full speed.
      const limits = page.getByTestId('run-limits');
      await limits.locator('input[type="checkbox"]').nth(0).check();
      await limits.locator('input[type="checkbox"]').nth(1).check();
      await setSlider(page.locator('#lab-speed'), 2);
      await expect(limits.locator('output')).toHaveText('5');
      await expectNoEnglish(page, locale, 'Lab, run limits on, slow speed');
      await setSlider(page.locator('#lab-speed'), 6);
      await expect(limits.locator('output')).toHaveText(say['ui.lab.limits.full']);
      await limits.locator('input[type="checkbox"]').nth(0).uncheck();
      await limits.locator('input[type="number"]').fill('150');

      await page.locator('#task-select').selectOption('number-words');
      await page.keyboard.press('Escape');
      await button('ui.lab.train').click();
      await expect.poll(step, { timeout: 60_000 }).toBeGreaterThan(30);
      await expect(page.locator('section.eval table')).toBeVisible({ timeout: 60_000 });
      await expectNoEnglish(page, locale, 'Lab, training number words');
      // The step limit stops the run by itself, and the status line says why.
      await expect(button('ui.lab.train')).toBeEnabled({ timeout: 90_000 });
      expect(await step()).toBe(150);
      await expect(page.getByTestId('lab-status')).toHaveText(say['ui.lab.status.reachedSteps'].replace('{step}', '150'));
      await expectNoEnglish(page, locale, 'Lab, stopped at its step limit');
      await limits.locator('input[type="checkbox"]').nth(1).uncheck(); // the runs below train without a limit

      // Save the run: the runs panel lists it and says so.
      await page.getByTestId('run-name-input').fill(say['ui.lab.heading']);
      await page.getByTestId('run-save').click();
      await expect(page.getByTestId('runs-notice')).toBeVisible();
      await expect(page.getByTestId('run-item')).toHaveCount(1);
      await expectNoEnglish(page, locale, 'Lab, a saved run');

      await page.locator('#task-select').selectOption('sentiment');
      await expectNoEnglish(page, locale, 'Lab, sentiment task');

      // Your text: the empty panel, the preview, then training on it until it writes a sample.
      await page.locator('#task-select').selectOption('data:text');
      await expectNoEnglish(page, locale, 'Lab, your text, empty');
      await page.getByTestId('your-data-box').fill(OWN_TEXT[locale]);
      await expect(page.getByTestId('data-preview')).toBeVisible();
      await expectNoEnglish(page, locale, 'Lab, your text, preview');
      await page.getByTestId('your-data-use').click();
      await expect(page.getByTestId('your-data-in-use')).toBeVisible();
      await button('ui.lab.train').click();
      await expect(page.getByTestId('sample-text')).not.toBeEmpty({ timeout: 60_000 });
      await expectNoEnglish(page, locale, 'Lab, training on your text, with samples');
      await button('ui.lab.pause').click();

      // Your CSV with a row missing its label: the problem, its line and column, all in the learner's language.
      await page.locator('#task-select').selectOption('data:csv');
      await page.getByTestId('your-data-box').fill(OWN_CSV[locale]);
      await expect(page.getByTestId('your-data-error')).toContainText(/3\D+2/);
      await expectNoEnglish(page, locale, 'Lab, your CSV with a bad row');
    });

    test(`${locale}: each Gradients panel`, async ({ page }) => {
      test.setTimeout(240_000);
      await openLab(page);
      await useLocale(page, locale);
      await page.goto('/#gradients');
      await expect(page.getByTestId('explorer')).toHaveAttribute('data-ratio', /\d/, { timeout: 30_000 });
      await expectNoEnglish(page, locale, 'Gradients, on arrival');
      await page.getByTestId('explorer-activation').selectOption('linear');
      await setRange(page, 'explorer-clip', 2);
      await expectNoEnglish(page, locale, 'Gradients, explorer with clipping');
      // A short race, then the unit view of its heatmaps.
      await setRange(page, 'race-steps', 50);
      await setRange(page, 'race-distance', 5);
      await page.getByTestId('race-start').click();
      await expect(page.getByTestId('race-summary')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
      await expectNoEnglish(page, locale, 'Gradients, after a race');
      await page.getByTestId('race-heat-mode-units').check();
      await expectNoEnglish(page, locale, 'Gradients, race heatmaps by unit');
      // The bidirectional comparison runs to its verdict; starting the sweep replaces it (the notice), then cancel.
      await page.getByTestId('bidir-start').click();
      await expect(page.getByTestId('bidir-result')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
      await expectNoEnglish(page, locale, 'Gradients, after the bidirectional comparison');
      await page.getByTestId('horizon-start').click();
      await expect(page.getByTestId('horizon-progress')).toBeVisible();
      await page.getByTestId('race-start').click();
      await expect(page.getByTestId('horizon-notice')).toBeVisible();
      await expectNoEnglish(page, locale, 'Gradients, a sweep replaced by a race');
      // A 50-step race is over in about a second, often before a Cancel click could land (that click then waited
      // out the test's 4 minutes): let it finish instead, so the page is idle when the test ends.
      await expect(page.getByTestId('race-summary')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
    });

    test(`${locale}: the quiz, intro and first questions with their explanations`, async ({ page }) => {
      await page.goto('/#quiz');
      await useLocale(page, locale);
      await expect(page.getByTestId('quiz-start')).toBeVisible();
      await expectNoEnglish(page, locale, 'quiz intro');
      await page.getByTestId('quiz-start').click();
      for (let n = 1; n <= 4; n++) {
        await expectNoEnglish(page, locale, `quiz question ${n}`);
        const numeric = page.locator('main input[type="text"]');
        if (await numeric.count()) await numeric.first().fill('12');
        else if (await page.getByRole('radio').count()) await page.getByRole('radio').first().check();
        const check = page.locator('main button.primary').filter({ hasNotText: /^$/ }).first();
        await check.click();
        const next = page.getByTestId('quiz-next');
        if (!(await next.isVisible())) break; // an experiment question: its run is covered by browser-lesson.spec.ts
        await expectNoEnglish(page, locale, `quiz question ${n}, explained`);
        await next.click();
      }
    });
  });
}

test('switching locale rewords exports (chart CSV, PyTorch script) and aria text, and keeps CSV numbers machine-readable', async ({ page }) => {
  test.setTimeout(120_000);
  await openLab(page);
  await page.goto('/#gradients');
  await expect(page.getByTestId('explorer')).toHaveAttribute('data-ratio', /\d/, { timeout: 30_000 });
  const chart = page.getByTestId('chart-explorer');
  await expect(chart).toHaveAttribute('aria-label', 'Gradient gain ‖∂h_T/∂h_t‖ back through time');
  const csvEn = await downloadText(page, () => page.getByTestId('export-csv-explorer').click());
  expect(csvEn.split('\r\n')[0]).toBe('t,exact_jacobian_norm,ideal_rho_power,after_clipping');

  await useLocale(page, 'fr');
  await expect(chart).toHaveAttribute('aria-label', 'Gain du gradient ‖∂h_T/∂h_t‖ en remontant le temps');
  await expect(page.getByTestId('export-csv-explorer').locator('..')).toHaveAttribute('aria-label', /^Exporter «\u00a0Gain du gradient/);
  await expect(page.getByTestId('worked-example')).toContainText('4,6 × 10⁻¹⁶');
  const csvFr = await downloadText(page, () => page.getByTestId('export-csv-explorer').click());
  const [header, first] = csvFr.split('\r\n');
  expect(header).toBe('t,norme_jacobienne_exacte,puissance_rho_ideale,apres_ecretage');
  // Numbers stay in the documented machine form: full stop, no grouping, same values as the English export.
  expect(first).toBe(csvEn.split('\r\n')[1]);
  expect(first).toMatch(/^1,\d+(\.\d+)?(e-?\d+)?,/);

  await useLocale(page, 'es');
  await expect(chart).toHaveAttribute('aria-label', 'Ganancia del gradiente ‖∂h_T/∂h_t‖ hacia atrás en el tiempo');
  const csvEs = await downloadText(page, () => page.getByTestId('export-csv-explorer').click());
  expect(csvEs.split('\r\n')[0]).toBe('t,norma_jacobiana_exacta,potencia_rho_ideal,tras_recorte');

  // The exported PyTorch script's comments follow the locale too.
  await useLocale(page, 'fr');
  await page.goto('/#lesson');
  for (let i = 0; i < 7; i++) await page.getByTestId('lesson-next').click();
  const script = await downloadText(page, () => page.locator('main button').filter({ hasText: /script/i }).first().click());
  expect(script).toMatch(/^# Export de RNN Lab\u00a0: /);
  expect(script).toContain('# Les entrées sont des vecteurs one-hot');
  expect(script).toMatch(/print\("paramètres entraînables\u00a0:"/);
  expect(script).toMatch(/nn\.(RNN|LSTM|GRU)\(/);
});
