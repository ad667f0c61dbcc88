import { expect, test, type Page } from '@playwright/test';
import { collectErrors } from './web-helpers';

/**
 * Chart text on a projector: every tick label and axis title of the Gradients screen's charts is drawn at 12 CSS px
 * or more once the SVG is scaled to its box, grows with "Larger text", and no two tick labels of an axis overlap.
 */

interface ChartText {
  chart: string;
  /** Smallest drawn size of its axis text, CSS px. */
  minPx: number;
  /** Tick labels of one axis that overlap a neighbour. */
  overlaps: string[];
}

async function chartTexts(page: Page): Promise<ChartText[]> {
  return page.locator('main svg[viewBox][role=img]').evaluateAll((svgs) =>
    (svgs as SVGSVGElement[])
      .filter((svg) => svg.getBoundingClientRect().width > 0 && svg.querySelector('.tick text'))
      .map((svg) => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const texts = [...svg.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim() !== '');
        const minPx = Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
        const overlaps: string[] = [];
        for (const axis of svg.querySelectorAll('g:has(> .tick)')) {
          const boxes = [...axis.querySelectorAll(':scope > .tick > text')]
            .filter((t) => (t.textContent ?? '') !== '')
            .map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() }));
          for (let i = 1; i < boxes.length; i++) {
            const a = boxes[i - 1].r;
            const b = boxes[i].r;
            if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
              overlaps.push(`${boxes[i - 1].text} / ${boxes[i].text}`);
            }
          }
        }
        return { chart: svg.dataset.testid ?? svg.getAttribute('aria-label') ?? '?', minPx, overlaps };
      }),
  );
}

test('the Gradients charts draw their axis text at 12 px or more, larger with Larger text, with no overlapping ticks', async ({ page }) => {
  test.setTimeout(90_000);
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto('/#gradients');
  await page.getByTestId('compare-steps').fill('150');
  await page.getByTestId('compare-start').click();
  await expect(page.locator('[data-testid=compare-callout][data-status=done]')).toBeVisible({ timeout: 60_000 });

  const normal = await chartTexts(page);
  expect(normal.map((c) => c.chart)).toEqual(expect.arrayContaining(['heatmap-compare-rnn', 'heatmap-compare-lstm', 'heatmap-compare-gru']));
  for (const c of normal) {
    expect(c.minPx, c.chart).toBeGreaterThanOrEqual(11.99);
    expect(c.overlaps, c.chart).toEqual([]);
  }

  await page.getByLabel('Larger text').check();
  await expect.poll(async () => Math.min(...(await chartTexts(page)).map((c) => c.minPx))).toBeGreaterThanOrEqual(15);
  for (const c of await chartTexts(page)) expect(c.overlaps, c.chart).toEqual([]);
  await page.getByLabel('Larger text').uncheck();
  expect(errors).toEqual([]);
});
