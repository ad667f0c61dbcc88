import { expect, test, type Page } from '@playwright/test';
import { trackWebGLContexts, withoutWebGL } from './webgl-contexts';
import { collectErrors, openLab } from './web-helpers';

/**
 * The unrolled network as the lesson's centrepiece (issue 13): a trained model from the first second, values on
 * every copy, a way into a cell, WebGL released on unmount, and the SVG fallback showing the same values.
 * Pixel assertions read the view's canvas.
 */

const view = (page: Page) => page.getByTestId('unrolled-view').first();

/**
 * Split the canvas's drawn chain (the columns holding anything but background) into `bins` equal slices, one per
 * copy, and say which slices hold saturated pixels: a hidden unit coloured by its value (the frames, arrows and
 * labels are grey or neutral; the cursor's highlight is left out by ignoring teal).
 */
async function colouredBins(page: Page, bins: number): Promise<{ covered: number; bins: number; width: number }> {
  return view(page)
    .locator('canvas')
    .evaluate((c: HTMLCanvasElement, n: number) => {
      const w = c.width, h = c.height;
      const scratch = document.createElement('canvas');
      scratch.width = w;
      scratch.height = h;
      const ctx = scratch.getContext('2d')!;
      ctx.drawImage(c, 0, 0);
      const d = ctx.getImageData(0, 0, w, h).data;
      const bg = [d[0], d[1], d[2]];
      const drawn = new Uint8Array(w), coloured = new Uint8Array(w);
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const i = (y * w + x) * 4;
          const r = d[i], g = d[i + 1], b = d[i + 2];
          if (Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 40) drawn[x] = 1;
          const sat = Math.max(r, g, b) - Math.min(r, g, b);
          const teal = g > r + 40 && b > r + 20 && Math.abs(g - b) < 50;
          if (sat > 45 && !teal) coloured[x] = 1;
        }
      }
      const x0 = drawn.indexOf(1), x1 = drawn.lastIndexOf(1);
      if (x0 < 0) return { covered: 0, bins: n, width: 0 };
      let covered = 0;
      for (let k = 0; k < n; k++) {
        const a = Math.floor(x0 + ((x1 - x0) * k) / n), b = Math.floor(x0 + ((x1 - x0) * (k + 1)) / n);
        let any = false;
        for (let x = a; x < b && !any; x++) any = coloured[x] === 1;
        if (any) covered++;
      }
      return { covered, bins: n, width: x1 - x0 };
    }, bins);
}

test.describe('unrolled view: the lesson centrepiece', () => {
  test('on a fresh profile the first lesson demo shows a trained model, coloured across at least 80% of its chain within 10 s', async ({ page }) => {
    const errors = collectErrors(page);
    const started = Date.now();
    await page.goto('/#lesson');
    await expect(view(page)).toHaveAttribute('data-mode', 'webgl', { timeout: 10_000 });
    await expect(page.getByTestId('demo-source')).toHaveAttribute('data-source', 'snapshot');
    await expect.poll(async () => Number(await view(page).getAttribute('data-training-step')), { timeout: 10_000 }).toBeGreaterThan(0);
    const T = Number(await view(page).getAttribute('data-steps'));
    expect(T).toBeGreaterThan(4);
    await expect
      .poll(async () => {
        const r = await colouredBins(page, T);
        return r.covered / r.bins;
      }, { timeout: Math.max(1000, 10_000 - (Date.now() - started)) })
      .toBeGreaterThanOrEqual(0.8);
    // The numbers are the engine's, on every step: the readout has h_t and ‖∂L/∂h_t‖ as numbers.
    await expect(page.getByTestId('unrolled-readout')).not.toContainText('not recorded');
    expect(errors).toEqual([]);
  });

  test('after training in the Lab every copy has coloured pixels', async ({ page }) => {
    await openLab(page);
    const step = page.getByRole('button', { name: 'Step', exact: true });
    await expect(step).toBeEnabled({ timeout: 30_000 });
    await step.click();
    await expect.poll(async () => Number(await view(page).getAttribute('data-training-step')), { timeout: 30_000 }).toBeGreaterThan(0);
    const T = Number(await view(page).getAttribute('data-steps'));
    await expect.poll(async () => (await colouredBins(page, T)).covered, { timeout: 10_000 }).toBe(T);
    // Render on demand: once drawn, no frame is drawn while nothing changes.
    const frames = async () => Number(await page.getByTestId('unrolled-webgl').getAttribute('data-frames'));
    const before = await frames();
    await page.waitForTimeout(1500);
    expect(await frames()).toBe(before);
  });

  test('zooming into an LSTM copy shows its gate wires, labelled and coloured by live values; Escape flies back out', async ({ page }) => {
    await openLab(page);
    const step = page.getByRole('button', { name: 'Step', exact: true });
    await expect(step).toBeEnabled({ timeout: 30_000 });
    await step.click();
    await expect.poll(async () => Number(await view(page).getAttribute('data-training-step')), { timeout: 30_000 }).toBeGreaterThan(0);
    await view(page).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const flow = page.getByTestId('cell-flow');
    await expect(flow).toBeVisible({ timeout: 3000 });
    await expect(flow).toHaveAttribute('data-cell', 'lstm');
    for (const gate of ['f_t', 'i_t', 'g_t', 'o_t', 'c_t', 'f_t ⊙ c_t−1']) {
      const wire = flow.locator(`g.wire[data-label="${gate}"]`);
      await expect(wire).toHaveAttribute('data-values', 'live');
      await expect(wire.locator('text')).toHaveText(gate);
    }
    // Pixels: the wires are painted in many value colours, not one grey.
    const shot = await flow.screenshot();
    const colours = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < d.length; i += 4) if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 45) seen.add(((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]) >> 4);
      return seen.size;
    }, shot.toString('base64'));
    expect(colours).toBeGreaterThan(20);
    await page.keyboard.press('Escape');
    await expect(flow).toHaveCount(0);
  });

  test('20 mount/unmount cycles of the 3D view leave no live WebGL context', async ({ page }) => {
    const { live, made } = await trackWebGLContexts(page);
    await page.goto('/#quiz');
    for (let i = 0; i < 20; i++) {
      await page.goto('/#lab');
      await expect(page.getByTestId('unrolled-webgl')).toBeVisible({ timeout: 30_000 });
      await page.goto('/#quiz');
      await expect(page.getByTestId('unrolled-view')).toHaveCount(0);
    }
    await expect.poll(live, { timeout: 5000 }).toBe(0);
    expect(await made()).toBeGreaterThanOrEqual(20);
  });

  test('with WebGL unavailable the SVG fallback shows the same values as the 3D view', async ({ page, browser }) => {
    await page.goto('/#lesson');
    await expect(view(page)).toHaveAttribute('data-mode', 'webgl', { timeout: 10_000 });
    await expect.poll(async () => Number(await view(page).getAttribute('data-training-step'))).toBeGreaterThan(0);
    const readout = await page.getByTestId('unrolled-readout').innerText();

    const context = await browser.newContext();
    const flat = await context.newPage();
    await withoutWebGL(flat);
    await flat.goto('/#lesson');
    await expect(view(flat)).toHaveAttribute('data-mode', 'svg', { timeout: 10_000 });
    await expect.poll(async () => Number(await view(flat).getAttribute('data-training-step'))).toBeGreaterThan(0);
    // The same engine numbers, from the same bundled weights.
    expect(await flat.getByTestId('unrolled-readout').innerText()).toBe(readout);
    // Every copy's units are coloured by value, none left pending grey.
    const pendingFree = await flat.getByTestId('unrolled-svg').evaluate((svg) => {
      const steps = new Map<string, number>();
      for (const r of svg.querySelectorAll('rect[data-step]')) {
        const fill = r.getAttribute('fill') ?? '';
        const s = r.getAttribute('data-step') ?? '';
        const [rr, gg, bb] = [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16));
        if (Math.max(rr, gg, bb) - Math.min(rr, gg, bb) > 30) steps.set(s, (steps.get(s) ?? 0) + 1);
      }
      return steps.size;
    });
    expect(pendingFree).toBe(Number(await view(flat).getAttribute('data-steps')));
    await context.close();
  });
});

for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 800 }]) {
  test(`presenter slides fit ${size.width}×${size.height} without scrolling at every step, and the 3D view is on the slides about it`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/#lesson');
    await page.getByRole('button', { name: 'Present' }).click();
    const deck = page.getByTestId('presenter');
    await expect(deck).toBeVisible();
    const seen3d = new Set<string>();
    let last = '';
    for (let i = 0; i < 60; i++) {
      const where = (await deck.locator('.count').textContent()) ?? '';
      if (where === last) break;
      last = where;
      // Nothing on this step needs scrolling: the deck and the slide are no taller than the screen.
      const fit = await deck.evaluate((el) => ({ deck: el.scrollHeight - el.clientHeight, slide: Math.max(...[...el.querySelectorAll<HTMLElement>('.slide')].map((s) => s.scrollHeight - s.clientHeight)), inner: el.getBoundingClientRect().height }));
      expect(fit.deck, where).toBeLessThanOrEqual(1);
      expect(fit.slide, where).toBeLessThanOrEqual(1);
      expect(fit.inner).toBeLessThanOrEqual(size.height);
      if ((await deck.getByTestId('slide-demo').count()) > 0) await expect(deck.getByTestId('slide-demo')).not.toContainText('Running the demo model');
      if ((await deck.getByTestId('unrolled-view').count()) > 0) seen3d.add((await deck.getByRole('heading', { level: 1 }).textContent()) ?? '');
      await page.keyboard.press('PageDown');
    }
    // The three sections about the unrolled network (why, the cell, BPTT) each show it.
    expect(seen3d.size).toBe(3);
  });
}
