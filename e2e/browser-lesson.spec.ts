import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { WEB_ORIGIN } from './web-helpers';

/**
 * The lesson, presenter mode and quiz of the browser build, walked as a new learner would: every screen is
 * scanned with axe, no request may leave the app's origin, and progress and scores survive a reload.
 */

const SECTION_TITLES = [
  'Why recurrence',
  'The recurrent cell',
  'Unrolling and backpropagation through time',
  'Vanishing and exploding gradients',
  'Gated cells: LSTM and GRU',
  'Four shapes of sequence problem',
  'Bidirectional RNNs',
];

/** Every request the page makes must stay on our origin (blob: downloads and data: fonts are local). */
function watchRequests(page: Page): string[] {
  const outside: string[] = [];
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(WEB_ORIGIN) && !url.startsWith('blob:') && !url.startsWith('data:')) outside.push(url);
  });
  return outside;
}

async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary, `axe on ${where}`).toEqual([]);
}

const sectionHeading = (page: Page) => page.locator('#section-title');

test('a new learner reads the whole lesson; progress survives a reload', async ({ page }) => {
  const outside = watchRequests(page);
  await page.goto('/#lesson');
  await expect(sectionHeading(page)).toHaveText(SECTION_TITLES[0]);
  await expect(page.getByTestId('time-left')).toHaveText(/About [\d.]+ min left/);
  await expectNoAxeViolations(page, SECTION_TITLES[0]);

  for (let i = 1; i < SECTION_TITLES.length; i++) {
    await page.getByTestId('lesson-next').click();
    await expect(sectionHeading(page)).toHaveText(SECTION_TITLES[i]);
    await expect(sectionHeading(page)).toBeFocused();
    if (i === 1) {
      // The live parameter count comes from the engine and agrees with the formula.
      await expect(page.getByText(/the engine builds that model and counts \d[\d,]* trainable parameters/)).toBeVisible();
      await expect(page.getByTestId('engine-count')).toHaveText(/^\d+$/);
    }
    if (i === 3) await expect(page.getByText(/what reaches the first step is .*≈ 4\.6 × 10⁻¹⁶/)).toBeVisible();
    await expectNoAxeViolations(page, SECTION_TITLES[i]);
    if (i === 3) {
      await page.reload();
      await expect(sectionHeading(page)).toHaveText(SECTION_TITLES[3]);
      await expect(page.getByRole('button', { name: /Why recurrence.*\(done\)/ })).toBeVisible();
    }
  }

  await page.getByTestId('lesson-next').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Take-aways' })).toBeVisible();
  await expect(page.getByTestId('time-left')).toHaveText('Lesson complete');
  await expectNoAxeViolations(page, 'take-aways');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the script' }).click();
  const script = readFileSync(await (await download).path(), 'utf8');
  expect(script).toMatch(/nn\.(RNN|LSTM|GRU)\(/);

  await page.getByRole('button', { name: 'References' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'References' })).toBeVisible();
  await expect(page.getByText(/Hochreiter, S., & Schmidhuber, J. \(1997\)/)).toBeVisible();
  await expectNoAxeViolations(page, 'references');

  await page.getByRole('button', { name: /The recurrent cell/ }).click();
  await page.getByLabel('Language').selectOption('fr');
  await expect(sectionHeading(page)).toHaveText('La cellule récurrente');
  await page.getByLabel('Langue').selectOption('en');

  expect(outside).toEqual([]);
});

test('presenter mode: clicker keys, blank screen, notes hidden until asked', async ({ page }) => {
  await page.goto('/#lesson');
  await expect(sectionHeading(page)).toHaveText(SECTION_TITLES[0]);
  await page.getByRole('button', { name: 'Present' }).click();
  const deck = page.getByTestId('presenter');
  await expect(deck).toBeVisible();
  await expect(deck.getByRole('heading', { level: 1 })).toHaveText(SECTION_TITLES[0]);
  await expect(page.getByTestId('presenter-notes')).toHaveCount(0);
  await expectNoAxeViolations(page, 'presenter');

  // A clicker walks every page of a slide, then moves on: PageDown (or →) until the next slide's title shows.
  const walkTo = async (key: string, title: string) => {
    for (let i = 0; i < 12 && (await deck.getByRole('heading', { level: 1 }).textContent()) !== title; i++) await page.keyboard.press(key);
    await expect(deck.getByRole('heading', { level: 1 })).toHaveText(title);
  };
  await walkTo('PageDown', SECTION_TITLES[1]);
  await walkTo('ArrowRight', SECTION_TITLES[2]);
  await page.keyboard.press('PageUp');
  await expect(deck.getByRole('heading', { level: 1 })).toHaveText(SECTION_TITLES[1]);
  await page.keyboard.press('b');
  await expect(page.getByTestId('presenter-blank')).toBeVisible();
  await expect(deck.getByRole('heading', { level: 1 })).toHaveCount(0);
  await page.keyboard.press('b');
  await expect(deck.getByRole('heading', { level: 1 })).toHaveText(SECTION_TITLES[1]);
  await page.keyboard.press('n');
  await expect(page.getByTestId('presenter-notes')).toBeVisible();
  // A clicker's "start show" button sends F5, then Escape: F5 opens the notes, Escape closes them before it leaves.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter-notes')).toHaveCount(0);
  await expect(deck).toBeVisible();
  await page.keyboard.press('F5');
  await expect(page.getByTestId('presenter-notes')).toBeVisible();
  await expect(deck).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(deck).toHaveCount(0);
});

test('a new learner takes the whole quiz to a saved final score', async ({ page }) => {
  test.setTimeout(300_000);
  const outside = watchRequests(page);
  await page.goto('/#quiz');
  await expect(page.getByText(/There are \d+ questions/)).toBeVisible();
  await expectNoAxeViolations(page, 'quiz intro');
  await page.getByTestId('quiz-start').click();

  let total = 0;
  for (let n = 1; ; n++) {
    const counter = page.getByText(/^Question \d+ of \d+ · /);
    await expect(counter).toHaveText(new RegExp(`^Question ${n} of \\d+`));
    total = Number(/of (\d+)/.exec((await counter.textContent()) ?? '')?.[1]);
    const numeric = page.getByLabel('Your answer');
    if (await numeric.count()) {
      await numeric.fill('1234');
      await page.getByRole('button', { name: 'Check' }).click();
    } else {
      // A radio's value says where it sits, never which option it is ('a' is always the right one).
      const values = await page.getByRole('radio').evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).value));
      expect(values).toEqual(values.map((_, i) => String(i + 1)));
      await page.getByRole('radio').first().check();
      const run = page.getByRole('button', { name: 'Run it and check' });
      if (await run.count()) {
        await run.click();
        await expect(page.getByTestId('experiment-result')).toBeVisible({ timeout: 120_000 });
      } else {
        await page.getByRole('button', { name: 'Check' }).click();
      }
    }
    await expect(page.getByRole('status').filter({ hasText: /Correct\.|Not quite\./ })).toBeVisible();
    await expect(page.getByRole('link', { name: /Read the section: / })).toBeVisible();
    if (n === 1 || n === total) await expectNoAxeViolations(page, `quiz question ${n}`);
    await page.getByTestId('quiz-next').click();
    if (n === total) break;
  }
  expect(total).toBeGreaterThanOrEqual(12);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`You scored \\d+ out of ${total}`) })).toBeVisible();
  await expectNoAxeViolations(page, 'quiz summary');

  await page.reload();
  await expect(page.getByText(new RegExp(`: \\d+/${total}$`))).toBeVisible();
  expect(outside).toEqual([]);
});

test("a lesson demo leaves the learner's Lab alone, or says what it changed and offers an undo", async ({ page }) => {
  await page.goto('/#lab');
  const params = page.getByTestId('metric-params');
  await expect(params).toHaveText(/^\d[\d,  ]*$/, { timeout: 30_000 });
  const own = await params.textContent();

  // The bidirectional demo runs on the Gradients screen with its own models: the Lab stays as it was.
  await page.goto('/#lesson');
  await page.getByRole('button', { name: /Bidirectional RNNs/ }).click();
  await page.getByRole('button', { name: 'Open Gradients with this demo' }).click();
  await expect(page).toHaveURL(/#gradients$/);
  await page.goto('/#lab');
  await expect(params).toHaveText(own ?? '');
  await expect(page.getByTestId('lesson-change')).toHaveCount(0);
  await expect(page.getByLabel('Read both ways (bidirectional)')).not.toBeChecked();

  // A Lab demo changes the Lab, says so, and Undo brings the learner's own run back.
  await page.goto('/#lesson');
  await page.getByRole('button', { name: /Why recurrence/ }).click();
  await page.getByRole('button', { name: 'Open Lab with this demo' }).click();
  await expect(page.getByTestId('lesson-change')).toContainText('The lesson changed this run: cell → rnn');
  await expect(params).not.toHaveText(own ?? '');
  await expectNoAxeViolations(page, 'lab after a lesson demo');
  await page.getByTestId('lesson-change-undo').click();
  await expect(page.getByTestId('lesson-change')).toHaveCount(0);
  await expect(params).toHaveText(own ?? '');
  await page.reload();
  await expect(params).toHaveText(own ?? '', { timeout: 30_000 });
});

test('a lesson pack round-trips and a corrupt one is refused with the field named', async ({ page }) => {
  await page.goto('/#quiz');
  await page.getByLabel('Pack title').fill('Class 7B');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save lesson pack' }).click();
  const file = await (await download).path();
  const pack = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  expect(pack.format).toBe('rnn-lab-lesson-pack');

  await page.getByTestId('pack-file').setInputFiles({ name: 'pack.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
  await expect(page.getByTestId('pack-message')).toHaveText('Loaded lesson pack “Class 7B”.');

  const corrupt = { ...pack, questions: ['ff-vs-rnn', 'not-a-question'] };
  await page.getByTestId('pack-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(corrupt)) });
  await expect(page.getByRole('alert')).toHaveText(/rejected: questions\.1: each question must be a known question id/);
  await page.getByTestId('pack-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{ not json') });
  await expect(page.getByRole('alert')).toHaveText(/rejected: not a JSON file/);
  await expectNoAxeViolations(page, 'classroom panel');
});
