import { expect, test, type Page } from '@playwright/test';
import { collectErrors, idbRead, IDB } from './web-helpers';
import { withoutWebGL } from './webgl-contexts';

/**
 * A two-layer model in the unrolled view (issue 13): the lower layer's chain, traced by the engine, is drawn in a
 * row of its own. The Lab's panel has no layer control, so the test stores a two-layer configuration as the
 * learner's last one (the settings document the Lab starts from), then trains a step.
 */

const view = (page: Page) => page.getByTestId('unrolled-view').first();

async function twoLayerLab(page: Page): Promise<void> {
  await page.goto('/#lab');
  await expect(page.getByTestId('metric-params')).toHaveText(/^\d[\d,]*$/, { timeout: 30_000 });
  // Make the Lab save its settings once, then rewrite them with two layers.
  await page.locator('#hidden-size').fill('10');
  await expect.poll(async () => ((await idbRead(page, IDB.docs, 'settings')) as { lastConfig?: { hiddenSize?: number } } | undefined)?.lastConfig?.hiddenSize, { timeout: 10_000 }).toBe(10);
  const settings = (await idbRead(page, IDB.docs, 'settings')) as { lastConfig: { layers: number } };
  settings.lastConfig.layers = 2;
  await page.evaluate(
    ({ idb, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(idb.name, idb.version);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(idb.docs, 'readwrite');
          tx.objectStore(idb.docs).put(value, 'settings');
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { idb: IDB, value: settings },
  );
  await page.reload();
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await expect(step).toBeEnabled({ timeout: 30_000 });
  await step.click();
  await expect.poll(async () => Number(await view(page).getAttribute('data-training-step')), { timeout: 30_000 }).toBeGreaterThan(0);
}

test('a two-layer model draws its lower chain in a row of its own, every copy with its values', async ({ page }) => {
  const errors = collectErrors(page);
  // The SVG fallback's units say where they are and what colour: the same model as the 3D view draws.
  await withoutWebGL(page);
  await twoLayerLab(page);
  await expect(view(page)).toHaveAttribute('data-mode', 'svg');
  const T = Number(await view(page).getAttribute('data-steps'));
  expect(T).toBeGreaterThan(2);
  const rows = await page.getByTestId('unrolled-svg').evaluate((svg, steps) => {
    const out: { top: number; lower: number; lowerFills: number }[] = [];
    for (let t = 0; t < steps; t++) {
      const rects = [...svg.querySelectorAll(`rect[data-step="${t}"]`)];
      // SVG y grows downwards and the view draws at −y: the top layer's cell is near 0, the lower row near +3.2.
      const ys = rects.map((r) => Number(r.getAttribute('y')));
      const lowerRects = rects.filter((_, i) => ys[i] > 1.5 && ys[i] < 5);
      out.push({ top: rects.filter((_, i) => ys[i] > -1.5 && ys[i] < 1.5).length, lower: lowerRects.length, lowerFills: new Set(lowerRects.map((r) => r.getAttribute('fill'))).size });
    }
    return out;
  }, T);
  for (const [t, r] of rows.entries()) {
    expect(r.lower, `step ${t}: lower copy drawn`).toBeGreaterThan(0);
    expect(r.lower, `step ${t}: as many units as the top copy`).toBe(r.top);
    // Coloured by layer 1's h_t: the units differ, where a copy with no values would be one pending grey.
    expect(r.lowerFills, `step ${t}: lower copy coloured by its values`).toBeGreaterThan(1);
  }
  expect(errors).toEqual([]);
});
