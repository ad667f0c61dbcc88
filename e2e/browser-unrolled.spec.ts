import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { describeMainThread, expectNoLongWork, recordMainThread } from './main-thread';
import { collectErrors, openLab } from './web-helpers';

/**
 * The unrolled-network view in the Lab, drawn from a live model in the browser build (WebGL through
 * SwiftShader), plus its SVG fallback when WebGL is missing.
 */

const view = (page: Page) => page.getByTestId('unrolled-view');

/** The readout's value for one row label (a <dt>), e.g. the LSTM cell state's. */
const readoutValue = (page: Page, label: string) =>
  page.getByTestId('unrolled-readout').locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');

/** A vector as the readout formats it: "[0.12, −0.40, …", numbers with two decimals. */
const VECTOR = /^\[−?\d+\.\d\d, −?\d+\.\d\d/;

/** Count of distinct colours and a cheap hash of the WebGL canvas (preserveDrawingBuffer keeps it readable). */
async function canvasPixels(page: Page): Promise<{ colours: number; hash: number }> {
  return page.getByTestId('unrolled-webgl').locator('canvas').evaluate((c: HTMLCanvasElement) => {
    const w = 320, h = Math.max(1, Math.round((320 * c.height) / Math.max(1, c.width)));
    const scratch = document.createElement('canvas');
    scratch.width = w;
    scratch.height = h;
    const ctx = scratch.getContext('2d')!;
    ctx.drawImage(c, 0, 0, w, h);
    const data = ctx.getImageData(0, 0, w, h).data;
    const colours = new Set<number>();
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      const v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      colours.add(v >> 3);
      hash = (Math.imul(hash, 31) + v) | 0;
    }
    return { colours: colours.size, hash };
  });
}

/**
 * The canvas once the view has stopped drawing (it renders on demand: the frame count stays put once a camera
 * move, a reveal and the labels are done) and shows more than 20 colours. Reading it earlier could catch a
 * frame of the move, the same for any model.
 */
async function settledPixels(page: Page): Promise<{ colours: number; hash: number }> {
  const frames = async () => Number(await page.getByTestId('unrolled-webgl').getAttribute('data-frames'));
  let settled: { colours: number; hash: number } | null = null;
  await expect
    .poll(
      async () => {
        const before = await frames();
        await page.waitForTimeout(400);
        const px = await canvasPixels(page);
        settled = (await frames()) === before && px.colours > 20 ? px : null;
        return settled !== null;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return settled!;
}

/** Click the view's export button and read the file it saves: a PNG, with its pixel size and colour count. */
async function exportedPng(page: Page): Promise<{ name: string; signature: number[]; width: number; height: number; colours: number }> {
  const downloading = page.waitForEvent('download');
  await view(page).getByRole('button', { name: 'Export PNG' }).click();
  const file = await downloading;
  const bytes = await readFile(await file.path());
  const colours = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add(((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]) >> 3);
    return seen.size;
  }, bytes.toString('base64'));
  // PNG signature, then the IHDR chunk: width and height as big-endian 32-bit integers at bytes 16 and 20.
  return { name: file.suggestedFilename(), signature: [...bytes.subarray(0, 8)], width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colours };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Pick a task in the Lab, take a few training steps and wait until the view shows that step's trace. */
async function traceTask(page: Page, task: string): Promise<void> {
  const select = page.locator('#task-select');
  if ((await select.inputValue()) !== task) await select.selectOption(task);
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await expect(step).toBeEnabled({ timeout: 30_000 });
  await step.click();
  await expect.poll(async () => Number(await view(page).getAttribute('data-training-step')), { timeout: 30_000 }).toBeGreaterThan(0);
}

test.describe('unrolled view', () => {
  test('draws the chain from a live model and redraws when stepping forward and backward', async ({ page }) => {
    const errors = collectErrors(page);
    await openLab(page);
    await traceTask(page, 'sentiment');
    await expect(view(page)).toHaveAttribute('data-mode', 'webgl');
    await expect(view(page)).toHaveAttribute('data-shape', 'many-to-one');
    await expect.poll(async () => (await canvasPixels(page)).colours, { timeout: 10_000 }).toBeGreaterThan(20);
    await expect(page.getByTestId('unrolled-readout')).toContainText('‖∂L/∂h_t‖');
    await expect(page.getByTestId('unrolled-readout')).not.toContainText('not recorded');
    // The Lab starts with an LSTM: the readout shows the cell state c_t of the step under the cursor as numbers.
    await expect(readoutValue(page, 'c_t (cell state)')).toHaveText(VECTOR);

    const start = await canvasPixels(page);
    await view(page).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('unrolled-live')).toContainText('Forward pass, step 2');
    await expect(page.getByTestId('unrolled-readout').locator('h4')).toHaveText(/^step 2 of/);
    await expect(readoutValue(page, 'c_t (cell state)')).toHaveText(VECTOR);
    await expect.poll(async () => (await canvasPixels(page)).hash).not.toBe(start.hash);
    const forward = await canvasPixels(page);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('unrolled-live')).toContainText('Backward pass');
    await expect.poll(async () => (await canvasPixels(page)).hash).not.toBe(forward.hash);
    // Space played the animation, not the Lab's training shortcut.
    await page.keyboard.press('Space');
    await expect(page.getByTestId('unrolled-play')).toHaveText('Pause');
    await expect(page.getByTestId('lab-status')).not.toContainText('Training');
    await page.keyboard.press('Space');
    const png = await exportedPng(page);
    expect(png.name).toMatch(/^unrolled-step-\d+\.png$/);
    expect(png.signature).toEqual(PNG_SIGNATURE);
    expect(png.colours).toBeGreaterThan(20);
    expect(errors).toEqual([]);
  });

  test('the unroll toggle folds the chain into one looping cell and back', async ({ page }) => {
    await openLab(page);
    await traceTask(page, 'pos-tagging');
    const unrolled = await canvasPixels(page);
    await page.getByTestId('unrolled-toggle').uncheck();
    await expect(page.getByTestId('unrolled-live')).toContainText('Rolled view');
    await expect.poll(async () => (await canvasPixels(page)).hash).not.toBe(unrolled.hash);
    await page.waitForTimeout(900);
    const rolled = await canvasPixels(page);
    await page.getByTestId('unrolled-toggle').check();
    await page.waitForTimeout(900);
    const again = await canvasPixels(page);
    expect(again.hash).not.toBe(rolled.hash);
  });

  const SHAPES = [
    ['sentiment', 'many-to-one'],
    ['pos-tagging', 'many-to-many'],
    ['number-words', 'encoder-decoder'],
    ['melody', 'one-to-many'],
  ] as const;

  test('each problem shape is laid out from a live model', async ({ page }) => {
    await openLab(page);
    const seen = new Set<number>();
    for (const [task, shape] of SHAPES) {
      await traceTask(page, task);
      await expect(view(page)).toHaveAttribute('data-shape', shape);
      await page.getByRole('button', { name: 'Whole chain' }).click();
      seen.add((await settledPixels(page)).hash);
      await page.getByTestId('unrolled-view').screenshot({ path: test.info().outputPath(`${shape}.png`) });
    }
    expect(seen.size).toBe(SHAPES.length);
  });

  test('a bidirectional model is drawn as two mirrored chains', async ({ page }) => {
    // The Lab reads its starting configuration from the saved settings: save one with bidirectional on.
    await page.goto('/#lab');
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('rnn-lab', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('docs');
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('docs', 'readwrite');
            const store = tx.objectStore('docs');
            const get = store.get('settings');
            get.onsuccess = () => {
              const base = get.result ?? { version: 1, theme: 'system', largeText: false, reducedMotion: 'system', locale: 'en' };
              const lastConfig = {
                task: 'pos-tagging', taskParams: {}, cell: 'rnn', activation: 'tanh', hiddenSize: 16, layers: 1, bidirectional: true,
                optimizer: 'adam', learningRate: 0.01, momentum: 0.9, clipNorm: 5, batchSize: 16, seed: 42, initKind: 'xavier',
                spectralRadius: 1, truncateBptt: 0,
              };
              store.put({ ...base, lastConfig }, 'settings');
            };
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          open.onerror = () => reject(open.error);
        }),
    );
    await page.reload();
    await openLab(page);
    await traceTask(page, 'pos-tagging');
    await expect(page.getByTestId('unrolled-readout')).toContainText('h←_t');
    // Both directions' states of the step under the cursor are read out as numbers, and they differ.
    await expect(page.getByTestId('unrolled-readout')).not.toContainText('not in the trace');
    await expect(readoutValue(page, 'h→_t')).toHaveText(VECTOR);
    await expect(readoutValue(page, 'h←_t')).toHaveText(VECTOR);
    expect(await readoutValue(page, 'h←_t').textContent()).not.toBe(await readoutValue(page, 'h→_t').textContent());
    const first = await readoutValue(page, 'h←_t').textContent();
    await view(page).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('unrolled-readout').locator('h4')).toHaveText(/^step 2 of/);
    await expect(readoutValue(page, 'h←_t')).toHaveText(VECTOR);
    await expect(readoutValue(page, 'h←_t')).not.toHaveText(first ?? '');
    // A vanilla RNN has no cell state to read out.
    await expect(page.getByTestId('unrolled-readout')).not.toContainText('cell state');
    await expect.poll(async () => (await canvasPixels(page)).colours).toBeGreaterThan(20);
    await page.getByTestId('unrolled-view').screenshot({ path: test.info().outputPath('bidirectional.png') });
  });

  test('without WebGL the view says so and draws the SVG diagram', async ({ page }) => {
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (/webgl/.test(type)) return null;
        return (original as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof original;
    });
    await openLab(page);
    await traceTask(page, 'sentiment');
    await expect(view(page)).toHaveAttribute('data-mode', 'svg');
    await expect(view(page)).toContainText('3D view is not available');
    const svg = page.getByTestId('unrolled-svg');
    await expect(svg).toBeVisible();
    expect(await svg.locator('rect').count()).toBeGreaterThan(20);
    await view(page).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('unrolled-live')).toContainText('Forward pass, step 2');
    // The flat diagram exports a PNG like the 3D view, at its size on screen, with the diagram drawn in it.
    const box = (await svg.boundingBox())!;
    const png = await exportedPng(page);
    expect(png.name).toMatch(/^unrolled-step-\d+\.png$/);
    expect(png.signature).toEqual(PNG_SIGNATURE);
    expect(png.width).toBe(Math.round(box.width));
    expect(png.height).toBe(Math.round(box.height));
    expect(png.colours).toBeGreaterThan(20);
  });

  test('no main-thread task over 50 ms while training with the view on', { tag: '@timing' }, async ({ page }) => {
    await openLab(page);
    await expect(page.getByTestId('unrolled-webgl')).toBeVisible();
    await page.waitForTimeout(1500); // startup (module parsing, first compile) is not the training loop
    const record = await recordMainThread(page, async () => {
      await page.getByRole('button', { name: 'Train', exact: true }).click();
      await expect.poll(async () => Number(await view(page).getAttribute('data-training-step')), { timeout: 30_000 }).toBeGreaterThan(0);
      await page.waitForTimeout(4000);
      await page.getByRole('group', { name: 'Training controls' }).getByRole('button', { name: 'Pause', exact: true }).click();
    });
    console.log(`unrolled view while training: ${describeMainThread(record)}`);
    expectNoLongWork(record);
  });
});
