import { expect, test } from '@playwright/test';
import { openLab } from './web-helpers';

/**
 * A measurement, not a check (speed belongs in benchmarks): the unrolled view's frame rate for T = 50, H = 64
 * in this Chromium (SwiftShader WebGL here), while the forward/backward story plays at its fastest speed and while
 * nothing changes. Opt in: RNN_LAB_MEASURE=1 npx playwright test e2e/browser-measure-unrolled-fps.spec.ts --project browser
 */
test.skip(!process.env.RNN_LAB_MEASURE, 'a measurement: set RNN_LAB_MEASURE=1 to run it');

test('frame rate of the unrolled view, T = 50, H = 64', { tag: '@timing' }, async ({ page }) => {
  test.setTimeout(120_000);
  await openLab(page);
  await page.locator('#task-select').selectOption('memory');
  // k = 48 distractors: the recall sequence is 50 steps long
  const setRange = (id: string, v: number) =>
    page.locator(id).evaluate((el: HTMLInputElement, value) => {
      el.value = String(value);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, v);
  await setRange('#task-param-k', 48);
  await setRange('#hidden-size', 64);
  const view = page.getByTestId('unrolled-view');
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await expect(step).toBeEnabled({ timeout: 30_000 });
  await step.click();
  await expect.poll(async () => Number(await view.getAttribute('data-training-step')), { timeout: 30_000 }).toBeGreaterThan(0);
  const frames = async () => Number(await page.getByTestId('unrolled-webgl').getAttribute('data-frames'));
  const steps = await page.getByTestId('unrolled-live').textContent();
  await page.locator('select').filter({ hasText: 'steps/s' }).selectOption('16');
  await page.getByTestId('unrolled-play').click();
  await page.waitForTimeout(1000);
  const f0 = await frames(), t0 = Date.now();
  await page.waitForTimeout(6000);
  const playing = ((await frames()) - f0) / ((Date.now() - t0) / 1000);
  await page.getByTestId('unrolled-play').click();
  await page.waitForTimeout(1500);
  const f1 = await frames();
  await page.waitForTimeout(4000);
  const idle = ((await frames()) - f1) / 4;
  console.log(`unrolled view, memory k=48 (${steps?.trim()}), H=64: ${playing.toFixed(1)} frames/s playing at 16 steps/s, ${idle.toFixed(1)} frames/s idle`);
  expect(playing).toBeGreaterThan(0);
});
