import { expect, test, type Page } from '@playwright/test';
import { collectErrors, openLab } from './web-helpers';
import { withoutWebGL } from './webgl-contexts';

/**
 * A bidirectional two-layer model in the unrolled view (issue 13): the engine traces four chains (h→ and h← of each
 * layer) and the view draws every one, each copy coloured by its own values, in the 3D view and in the SVG fallback.
 * Set up the learner's way: the Lab's cell picker, "Bidirectional" and "Stack two layers" boxes, then a short training.
 */

const view = (page: Page) => page.getByTestId('unrolled-view').first();
const VECTOR = /^\[−?\d+\.\d\d, −?\d+\.\d\d/;

async function trainBidirTwoLayers(page: Page): Promise<number> {
  await openLab(page);
  // A vanilla RNN: its h_t are well away from 0 after one step (an LSTM's start near it, drawn near-neutral).
  await page.locator('input[name="cell"][value="rnn"]').check();
  await page.locator('#bidirectional').check();
  await page.locator('#two-layers').check();
  // Train a little: after one step some copies of layer 1 hold h_t all near 0, drawn near-neutral (truly, but
  // then a pixel test cannot tell them from copies with no values).
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeEnabled({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(async () => Number(await view(page).getAttribute('data-training-step')), { timeout: 60_000 }).toBeGreaterThanOrEqual(60);
  await page.getByRole('button', { name: 'Pause' }).click();
  const T = Number(await view(page).getAttribute('data-steps'));
  expect(T).toBeGreaterThan(2);
  return T;
}

interface Row { kind: number; n: number; x0: number; x1: number; y0: number; y1: number; hw: number }

/**
 * For every row the view reports on screen (its host's data-rows), how many of its copies hold saturated pixels
 * inside the copy's own box: hidden units coloured by value (frames, arrows and pending units are grey or faint;
 * the cursor's teal highlight is left out).
 */
async function colouredCopies(page: Page): Promise<{ kind: number; n: number; coloured: number }[]> {
  const rows = JSON.parse((await page.getByTestId('unrolled-webgl').getAttribute('data-rows')) ?? '[]') as Row[];
  return view(page)
    .locator('canvas')
    .evaluate((c: HTMLCanvasElement, rows: Row[]) => {
      const scratch = document.createElement('canvas');
      scratch.width = c.width;
      scratch.height = c.height;
      const ctx = scratch.getContext('2d')!;
      ctx.drawImage(c, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const scale = c.width / c.getBoundingClientRect().width;
      const saturated = (x: number, y: number) => {
        const i = (y * c.width + x) * 4;
        const r = d[i], g = d[i + 1], b = d[i + 2];
        const teal = g > r + 40 && b > r + 20 && Math.abs(g - b) < 50;
        return Math.max(r, g, b) - Math.min(r, g, b) > 45 && !teal;
      };
      return rows.map((row) => {
        let coloured = 0;
        for (let k = 0; k < row.n; k++) {
          const cx = row.n > 1 ? row.x0 + ((row.x1 - row.x0) * k) / (row.n - 1) : row.x0;
          const xa = Math.round((cx - row.hw * 0.7) * scale), xb = Math.round((cx + row.hw * 0.7) * scale);
          const ya = Math.round((Math.min(row.y0, row.y1) + 2) * scale), yb = Math.round((Math.max(row.y0, row.y1) - 2) * scale);
          let hits = 0;
          for (let y = Math.max(0, ya); y < Math.min(c.height, yb); y++) for (let x = Math.max(0, xa); x < Math.min(c.width, xb); x++) if (saturated(x, y)) hits++;
          if (hits >= 4) coloured++;
        }
        return { kind: row.kind, n: row.n, coloured };
      });
    }, rows);
}

test('after training a bidirectional two-layer model in the Lab, every copy of all four rows has coloured pixels', async ({ page }) => {
  const errors = collectErrors(page);
  await trainBidirTwoLayers(page);
  await expect(view(page)).toHaveAttribute('data-mode', 'webgl');
  // Four rows (h→ and h← of both layers), T copies each, every one coloured by its values. T is read with the rows:
  // the chain drawn just after the pause can still change length (a busy machine read 9 steps, then drew 11).
  const uncoloured = async (): Promise<string[]> => {
    const T = Number(await view(page).getAttribute('data-steps'));
    const rows = await colouredCopies(page);
    const kinds = rows.map((r) => r.kind).sort((a, b) => a - b).join(',');
    if (!(T > 2) || kinds !== '0,1,5,6') return [`rows ${kinds} for a chain of ${T} steps`];
    return rows.filter((r) => r.n !== T || r.coloured !== T).map((r) => `row ${r.kind}: ${r.coloured} of ${r.n} copies coloured, chain of ${T}`);
  };
  await expect.poll(uncoloured, { message: 'copies not coloured by their values', timeout: 15_000 }).toEqual([]);
  // The readout lists layer 1's states at the cursor step too, as numbers, and they are not the top layer's.
  const readout = page.getByTestId('unrolled-readout');
  const value = (label: string) => readout.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  for (const label of ['h→_t', 'h←_t', 'h→¹_t (layer 1)', 'h←¹_t (layer 1)']) await expect(value(label)).toHaveText(VECTOR);
  expect(await value('h←¹_t (layer 1)').textContent()).not.toBe(await value('h←_t').textContent());
  expect(await value('h←¹_t (layer 1)').textContent()).not.toBe(await value('h→¹_t (layer 1)').textContent());
  await page.getByTestId('unrolled-view').screenshot({ path: test.info().outputPath('bidirectional-two-layers.png') });
  expect(errors).toEqual([]);
});

test('the SVG fallback draws the same four rows, every copy coloured by its values', async ({ page }) => {
  const errors = collectErrors(page);
  await withoutWebGL(page);
  await trainBidirTwoLayers(page);
  await expect(view(page)).toHaveAttribute('data-mode', 'svg');
  // Read the diagram and its length together until every copy is coloured, as the WebGL test above polls its canvas:
  // just after the pause the diagram may still be catching up (on a busy machine its last copy had no units yet).
  const uncoloured = async (): Promise<string[]> => {
    const T = Number(await view(page).getAttribute('data-steps'));
    if (!(T > 2)) return [`a chain of ${T} steps`];
    const rows = await page.getByTestId('unrolled-svg').evaluate((svg, steps) => {
      // SVG y grows downwards and the view draws at −y: unit rows centred near −3.3 (top h←), 0 (top h→), +3.6 (layer 1
      // h←) and +6.9 (layer 1 h→).
      const centres = [-3.3, 0, 3.6, 6.9];
      const out: number[][] = [];
      for (let t = 0; t < steps; t++) {
        const rects = [...svg.querySelectorAll(`rect[data-step="${t}"]`)];
        out.push(
          centres.map((c) => {
            const inRow = rects.filter((r) => Math.abs(Number(r.getAttribute('y')) + Number(r.getAttribute('height')) / 2 - c) < 1.3);
            return inRow.length > 0 ? new Set(inRow.map((r) => r.getAttribute('fill'))).size : 0;
          }),
        );
      }
      return out;
    }, T);
    // Coloured by the row's own h_t: the units differ, where a copy with no values would be one pending grey.
    return rows.flatMap((fills, t) => fills.flatMap((n, r) => (n > 1 ? [] : [`step ${t}, row ${r}: ${n} fills`])));
  };
  await expect.poll(uncoloured, { message: 'copies not coloured by their values', timeout: 15_000 }).toEqual([]);
  // Each row named by layer and direction, top to bottom, as the 3D view names them, and drawn inside the diagram.
  const titles = page.getByTestId('unrolled-row-title');
  await expect(titles).toHaveText(['← layer 2, right to left', 'layer 2, left to right →', '← layer 1, right to left', 'layer 1, left to right →']);
  const box = (await page.getByTestId('unrolled-svg').boundingBox())!;
  for (const b of await titles.evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().toJSON() as DOMRect))) {
    expect(b.left).toBeGreaterThanOrEqual(box.x - 1);
    expect(b.width).toBeGreaterThan(20);
  }
  await page.getByTestId('unrolled-view').screenshot({ path: test.info().outputPath('svg-bidirectional-two-layers.png') });
  expect(errors).toEqual([]);
});
