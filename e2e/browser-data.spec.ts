import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { CORPUS } from '../src-shared/tasks/corpus';
import { collectErrors, idbKeys, idbRead, idbWrite, numberAttr, openLab, WEB_ORIGIN } from './web-helpers';

/** Your data, saved runs, run files and share links, each driven through the UI alone. */

const TEXT = CORPUS.slice(0, 6000);
const csvRows = Array.from({ length: 30 }, (_, i) => (i % 2 ? `a lovely bright day ${i},happy` : `a grim cold night ${i},sad`));

async function useText(page: Page, text: string): Promise<void> {
  await page.locator('#task-select').selectOption('data:text');
  await page.getByTestId('your-data-box').fill(text);
  await expect(page.getByTestId('data-preview')).toBeVisible();
  await page.getByTestId('your-data-use').click();
  await expect(page.getByTestId('your-data-in-use')).toBeVisible();
  await expect(page.getByTestId('lab-status')).toContainText('Ready');
}

/** Press Step `count` times, waiting for each step to land, so both sides of a comparison train exactly as far. */
async function stepTo(page: Page, target: number): Promise<void> {
  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let s = await numberAttr(page, 'metric-step', 'data-value'); s < target; s++) {
    await step.click();
    await expect.poll(() => numberAttr(page, 'metric-step', 'data-value')).toBe(s + 1);
  }
}

const curve = (page: Page) => page.getByTestId('loss-chart').locator('path.raw').getAttribute('d');
const smoothLoss = (page: Page) => numberAttr(page, 'metric-loss', 'data-value');

test.describe('your data, runs and run files', () => {
  test('paste text and train to a falling loss, with samples of generated text', async ({ page }) => {
    const errors = collectErrors(page);
    await openLab(page);
    await useText(page, TEXT);
    await expect(page.getByTestId('preview-model')).toContainText('many-to-many');
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await expect(page.getByTestId('lab-status')).toContainText('Training');
    await expect.poll(() => numberAttr(page, 'metric-loss', 'data-first'), { timeout: 20_000 }).toBeGreaterThan(0);
    const first = await numberAttr(page, 'metric-loss', 'data-first');
    await expect.poll(() => smoothLoss(page), { timeout: 60_000, intervals: [500] }).toBeLessThan(first * 0.85);
    await expect(page.getByTestId('sample-text')).not.toBeEmpty({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    expect(errors).toEqual([]);
  });

  test('a CSV with a bad line 3 says "line 3" and keeps the pasted text', async ({ page }) => {
    await openLab(page);
    await page.locator('#task-select').selectOption('data:csv');
    const bad = ['text,label', 'fine day,happy', 'no label here', ...csvRows].join('\n');
    await page.getByTestId('your-data-box').fill(bad);
    await expect(page.getByTestId('your-data-error')).toContainText('line 3');
    await expect(page.getByTestId('your-data-box')).toHaveValue(bad);
    await expect(page.getByTestId('your-data-use')).toBeDisabled();
    // Fixing the line brings the preview back.
    await page.getByTestId('your-data-box').fill(bad.replace('no label here', 'no label here,sad'));
    await expect(page.getByTestId('preview-model')).toContainText('O = 2 outputs, many-to-one');
  });

  test('save, reload the page, reopen: the identical curve', async ({ page }) => {
    await openLab(page);
    await useText(page, TEXT);
    await stepTo(page, 12);
    const before = { d: await curve(page), loss: await smoothLoss(page) };
    await page.getByTestId('run-name-input').fill('Before reload');
    await page.getByTestId('run-save').click();
    await expect(page.getByTestId('runs-notice')).toContainText('Saved “Before reload” at step 12');
    await page.reload();
    await expect(page.getByTestId('run-name')).toHaveText(['Before reload'], { timeout: 30_000 });
    await page.getByTestId('run-reopen').click();
    await expect.poll(() => numberAttr(page, 'metric-step', 'data-value'), { timeout: 20_000 }).toBe(12);
    await expect.poll(() => curve(page)).toBe(before.d);
    expect(await smoothLoss(page)).toBe(before.loss);
  });

  test('saved runs from an older build (one runs record) are split into a record per run and still reopen', async ({ page }) => {
    const fixture = JSON.parse(await readFile(new URL('../src-shared/protocol/fixtures/run-file-v1-before-full-snapshots.rnnlab.json', import.meta.url), 'utf8'));
    await openLab(page);
    await idbWrite(page, 'runs', { version: 1, runs: [fixture.run] });
    await page.reload();
    await expect(page.getByTestId('run-name')).toHaveText([fixture.run.name], { timeout: 30_000 });
    const summary = expect.objectContaining({ step: fixture.run.checkpoint.step, cell: fixture.run.checkpoint.config.cell });
    expect(await idbRead(page, 'docs', 'runs')).toEqual({ version: 3, runs: [{ id: fixture.run.id, name: fixture.run.name, savedAt: fixture.run.savedAt, summary }] });
    expect(await idbRead(page, 'docs', `run:${fixture.run.id}`)).toEqual(fixture.run);
    const keys = await idbKeys(page);
    expect(keys.filter((k) => k.startsWith('runs.v1-') && k.endsWith('.bak'))).toHaveLength(1);
    await page.getByTestId('run-reopen').click();
    await expect.poll(() => numberAttr(page, 'metric-step', 'data-value'), { timeout: 20_000 }).toBe(fixture.run.checkpoint.step);
  });

  test('an index without summaries gets them from the runs, and a run whose record is missing is named when opened', async ({ page }) => {
    const fixture = JSON.parse(await readFile(new URL('../src-shared/protocol/fixtures/run-file-v1-before-full-snapshots.rnnlab.json', import.meta.url), 'utf8'));
    const v2 = { version: 2, runs: [{ id: fixture.run.id, name: fixture.run.name, savedAt: fixture.run.savedAt }, { id: 'gone', name: 'Lost file', savedAt: '2026-11-30T08:00:00.000Z' }] };
    await openLab(page);
    await idbWrite(page, 'runs', v2);
    await idbWrite(page, `run:${fixture.run.id}`, fixture.run);
    await page.reload();
    await expect(page.getByTestId('run-name')).toHaveText([fixture.run.name, 'Lost file'], { timeout: 30_000 });
    const cell = String(fixture.run.checkpoint.config.cell).toUpperCase();
    await expect(page.getByTestId('run-meta').first()).toHaveText(new RegExp(`^${cell} \\d+ · step ${fixture.run.checkpoint.step} · loss \\d`));
    await expect(page.getByTestId('run-meta').nth(1)).toHaveText(/^saved /);
    expect(await idbRead(page, 'docs', 'runs')).toMatchObject({ version: 3, runs: [{ id: fixture.run.id, summary: { step: fixture.run.checkpoint.step } }, { id: 'gone', summary: null }] });
    const aside = (await idbKeys(page)).filter((k) => k.startsWith('runs.v2-') && k.endsWith('.bak'));
    expect(aside).toHaveLength(1);
    expect(await idbRead(page, 'docs', aside[0])).toEqual(v2);
    await page.getByTestId('run-reopen').nth(1).click();
    await expect(page.getByTestId('run-unreadable')).toHaveText('The saved run “Lost file” could not be read: its saved copy is missing.');
    await expect(page.getByTestId('run-item').first().getByTestId('run-unreadable')).toHaveCount(0);
  });

  test('a run record a crash left unlisted is listed again; a damaged one is quarantined and said once', async ({ page }) => {
    const fixture = JSON.parse(await readFile(new URL('../src-shared/protocol/fixtures/run-file-v1-before-full-snapshots.rnnlab.json', import.meta.url), 'utf8'));
    const orphan = { ...fixture.run, id: 'orphan', name: 'Saved before the crash' };
    await openLab(page);
    await idbWrite(page, 'runs', { version: 3, runs: [] });
    await idbWrite(page, 'run:orphan', orphan);
    await idbWrite(page, 'run:broken', { id: 'broken', name: 'cut short' });
    await page.reload();
    await expect(page.getByTestId('run-name')).toHaveText(['Saved before the crash'], { timeout: 30_000 });
    await expect(page.getByTestId('run-meta')).toContainText(`step ${orphan.checkpoint.step}`);
    const index = (await idbRead(page, 'docs', 'runs')) as { version: number; runs: { id: string }[] };
    expect(index.version).toBe(3);
    expect(index.runs.map((r) => r.id)).toEqual(['orphan']);
    const notice = page.getByTestId('notice').filter({ hasText: 'saved runs could not be read' });
    await expect(notice).toHaveCount(1);
    await expect(notice).toContainText('It was moved aside to quarantine/');
    const quarantined = (await idbRead(page, 'quarantine')) as { kind: string; data: unknown }[];
    expect(quarantined).toEqual([expect.objectContaining({ kind: 'run:broken', data: { id: 'broken', name: 'cut short' } })]);
    expect(await idbRead(page, 'docs', 'run:broken')).toBeUndefined();

    await page.reload();
    await expect(page.getByTestId('run-name')).toHaveText(['Saved before the crash'], { timeout: 30_000 });
    await expect(page.getByTestId('notice').filter({ hasText: 'saved runs could not be read' })).toHaveCount(0);
    await page.getByTestId('run-reopen').click();
    await expect.poll(() => numberAttr(page, 'metric-step', 'data-value'), { timeout: 20_000 }).toBe(orphan.checkpoint.step);
  });

  test('export, import in a fresh browser profile: identical loss at step N', async ({ page, browser }) => {
    await openLab(page);
    await useText(page, TEXT);
    await stepTo(page, 8);
    await page.getByTestId('run-name-input').fill('Class run');
    await page.getByTestId('run-save').click();
    await expect(page.getByTestId('run-name')).toHaveText(['Class run']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('run-export').click()]);
    expect(download.suggestedFilename()).toBe('Class-run.rnnlab.json');
    const file = await download.path();
    await stepTo(page, 14);
    const original = { d: await curve(page), loss: await smoothLoss(page) };

    const fresh = await browser.newContext({ baseURL: WEB_ORIGIN, acceptDownloads: true });
    const other = await fresh.newPage();
    await openLab(other);
    await expect(other.getByTestId('run-name')).toHaveCount(0);
    await other.getByTestId('run-import-file').setInputFiles({ name: 'Class-run.rnnlab.json', mimeType: 'application/json', buffer: await readFile(file) });
    await expect(other.getByTestId('runs-notice')).toContainText('Imported and reopened “Class run” at step 8');
    await expect.poll(() => numberAttr(other, 'metric-step', 'data-value'), { timeout: 20_000 }).toBe(8);
    await stepTo(other, 14);
    expect(await smoothLoss(other)).toBe(original.loss);
    expect(await curve(other)).toBe(original.d);

    // A damaged file is refused in the learner's words, the field named in the console for IT, and nothing changes.
    const logged: string[] = [];
    other.on('console', (msg) => logged.push(msg.text()));
    const text = (await readFile(file, 'utf8')).replace('"hiddenSize":24', '"hiddenSize":9999');
    await other.getByTestId('run-import-file').setInputFiles({ name: 'bad.rnnlab.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(other.getByTestId('runs-notice')).toContainText('bad.rnnlab.json is not a usable run file (part of it is missing or out of range');
    expect(logged.some((line) => line.includes('run.checkpoint.config.hiddenSize'))).toBe(true);
    await expect(other.getByTestId('run-name')).toHaveCount(1);
    expect(await numberAttr(other, 'metric-step', 'data-value')).toBe(14);
    await fresh.close();
  });

  test('a share link opens the same config in a fresh browser profile; a bad one is reported and ignored', async ({ page, browser }) => {
    await openLab(page);
    await page.locator('#task-select').selectOption('memory');
    await page.locator('#seed-input').fill('777');
    await page.locator('#seed-input').press('Enter');
    await page.locator('input[name=cell][value=gru]').check();
    await page.getByTestId('run-share').click();
    const link = await page.getByTestId('run-share-link').inputValue();
    expect(link).toMatch(/#share=1\./);

    const fresh = await browser.newContext({ baseURL: WEB_ORIGIN });
    const other = await fresh.newPage();
    await other.goto(link);
    await expect(other.getByTestId('metric-params')).toHaveText(/^\d[\d,]*$/, { timeout: 30_000 });
    await expect(other.locator('#task-select')).toHaveValue('memory');
    await expect(other.locator('#seed-input')).toHaveValue('777');
    await expect(other.locator('input[name=cell][value=gru]')).toBeChecked();
    expect(new URL(other.url()).hash).toBe('#lab');
    await expect.poll(async () => other.getByTestId('metric-params').textContent()).toBe(await page.getByTestId('metric-params').textContent());
    // The opened config is written as settings after a short pause; leave only once it is, or a busy machine reloads
    // into the defaults and the check below tests the timing of that write instead of the bad link being ignored.
    await expect
      .poll(async () => {
        const doc = (await idbRead(other, 'docs', 'settings')) as { lastConfig?: { task?: string; seed?: number; cell?: string } } | undefined;
        return `${doc?.lastConfig?.task}/${doc?.lastConfig?.seed}/${doc?.lastConfig?.cell}`;
      })
      .toBe('memory/777/gru');

    await other.goto(`${WEB_ORIGIN}/#share=1.not-a-config`);
    await other.reload();
    await expect(other.getByText('The share link in the address could not be used and was ignored')).toBeVisible({ timeout: 30_000 });
    await expect(other.locator('#seed-input')).toHaveValue('777');
    await fresh.close();
  });
});
