import { expect, test, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { collectErrors, numberAttr, openLab } from './web-helpers';

/** The Gradients screen of the browser build: the bidirectional comparison, and the live heatmap's per-unit mode. */

async function openGradients(page: Page): Promise<void> {
  await page.goto('/#gradients');
  await expect(page.getByRole('heading', { level: 1, name: /Gradients/ })).toBeVisible({ timeout: 30_000 });
}

async function downloadText(page: Page, testId: string): Promise<string> {
  const [dl]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return (await readFile(await dl.path())).toString('utf8');
}

function parseCsv(text: string): string[][] {
  return text.trim().split(/\r\n/).map((line) => line.split(','));
}

/**
 * Pixels of a heatmap canvas that carry a colour (opaque and not the light grey of an empty cell), read in one task
 * with the grid size it was painted for (a live grid changes size as sequence lengths vary).
 */
async function colouredPixels(page: Page, testId: string): Promise<{ rows: number; cols: number; width: number; height: number; coloured: number }> {
  return page.getByTestId(testId).evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let coloured = 0;
    for (let p = 0; p < data.length; p += 4) {
      const empty = data[p] === 235 && data[p + 1] === 235 && data[p + 2] === 235;
      if (data[p + 3] === 255 && !empty) coloured++;
    }
    return { rows: Number(c.dataset.rows), cols: Number(c.dataset.cols), width: c.width, height: c.height, coloured };
  });
}

test.describe('gradients lab: reading both ways, and gradients per hidden unit', () => {
  test('bidirectional: reading both ways tags the ambiguous words better than forward-only, per position', async ({ page }) => {
    test.setTimeout(240_000);
    const errors = collectErrors(page);
    await openGradients(page);
    const result = page.getByTestId('bidir-result');
    await expect(result).toHaveAttribute('data-status', 'idle');
    await page.getByTestId('bidir-start').click();
    await expect(result).toHaveAttribute('data-status', 'running');
    await expect(result).toHaveAttribute('data-status', 'done', { timeout: 200_000 });

    const forward = await numberAttr(page, 'bidir-result', 'data-forward-ambiguous');
    const both = await numberAttr(page, 'bidir-result', 'data-both-ambiguous');
    console.log(`ambiguous-word accuracy: forward-only ${forward.toFixed(3)}, bidirectional ${both.toFixed(3)}`);
    expect(forward).toBeGreaterThanOrEqual(0);
    expect(both).toBeLessThanOrEqual(1);
    expect(both).toBeGreaterThan(forward + 0.1);
    expect(await numberAttr(page, 'bidir-result', 'data-both-overall')).toBeGreaterThan(
      await numberAttr(page, 'bidir-result', 'data-forward-overall'),
    );

    // The per-position chart draws both curves, and its CSV carries the same positions.
    const chart = page.getByTestId('chart-bidir');
    for (const id of ['forward', 'bidirectional']) {
      await expect(chart.locator(`path[data-series="${id}"]`)).toHaveAttribute('d', /M[^L]*L/);
    }
    const csv = parseCsv(await downloadText(page, 'export-csv-bidir'));
    expect(csv[0]).toEqual(['word position', 'forward only', 'bidirectional']);
    expect(csv.length).toBeGreaterThan(3);
    const cells = csv.slice(1).flatMap((r) => r.slice(1)).filter((x) => x !== '').map(Number);
    expect(cells.every((x) => x >= 0 && x <= 1)).toBe(true);
    await expect(page.getByTestId('summary-bidir')).toContainText('Bidirectional:');
    expect(errors).toEqual([]);
  });

  test("the live heatmap's per-unit mode draws |∂L/∂h_t[j]| of the latest step from the Lab's training stream", async ({ page }) => {
    const errors = collectErrors(page);
    await openLab(page);
    await page.getByRole('button', { name: 'Train' }).click();
    await page.goto('/#gradients');
    await expect.poll(() => numberAttr(page, 'heatmap-live-heat-canvas', 'data-rows'), { timeout: 30_000 }).toBeGreaterThan(3);

    // Switch with the keyboard: the radio group moves with the arrow keys.
    const steps = page.getByTestId('live-heat-mode-steps');
    await steps.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('live-heat-mode-units')).toBeChecked();
    await expect(page.getByTestId('live-heat-mode-units')).toBeFocused();

    const canvasId = 'heatmap-live-units-canvas';
    await expect.poll(() => numberAttr(page, canvasId, 'data-drawn'), { timeout: 15_000 }).toBeGreaterThan(20);
    const px = await colouredPixels(page, canvasId);
    const rows = px.rows;
    expect(rows).toBeGreaterThan(1); // hidden units
    expect(px.cols).toBeGreaterThan(1); // time steps
    expect([px.width, px.height]).toEqual([px.cols, rows]);
    expect(px.coloured).toBeGreaterThan(0.5 * rows * px.cols);

    await expect(page.getByTestId('summary-live-units')).toContainText(`${rows} units ×`);
    await expect(page.getByTestId('summary-live-units')).toContainText('largest |∂L/∂h_t[j]|');
    // The hover readout names the unit and the time step.
    const svg = page.getByTestId('heatmap-live-units');
    await svg.focus();
    await page.keyboard.press('ArrowUp');
    await expect(page.locator('.readout', { hasText: '|∂L/∂h_t[j]|' })).toContainText(/unit \d+, t = \d+/);
    // Its CSV: one line per (t, unit) of the latest step.
    const csv = parseCsv(await downloadText(page, 'export-csv-live-units'));
    expect(csv[0]).toEqual(['training_step', 't', 'unit', 'grad', 'log10_abs_grad']);
    expect(csv.length).toBeGreaterThan(20);
    // Its SVG embeds the painted canvas; its PNG is a PNG.
    expect(await downloadText(page, 'export-svg-live-units')).toContain('data:image/png;base64,');
    const [png]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png-live-units').click()]);
    expect(png.suggestedFilename()).toBe('live-units.png');
    await page.getByTestId('card-live-units').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/gradients-live-units.png', fullPage: false });

    // And back: the step heatmap is still there.
    await page.getByTestId('live-heat-mode-steps').check();
    await expect(page.getByTestId('summary-live-heat')).toContainText('recorded steps');
    expect(errors).toEqual([]);
  });
});
