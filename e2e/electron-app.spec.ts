import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../src-shared/protocol/ipc-contract';

/**
 * The packaged-shape app (out/, built by `npm run build`) in real Electron: window security, the bridge,
 * and training through the utility process, including surviving a killed trainer.
 * Skipped where the Electron binary has not been downloaded (`npx install-electron` fetches it).
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where the Electron binary would be, without require('electron') (that require starts a download):
 * electron/path.txt names the executable inside electron/dist once install-electron has run.
 */
function findElectronBinary(): string | null {
  try {
    const pkg = createRequire(import.meta.url).resolve('electron/package.json');
    const pathFile = path.join(path.dirname(pkg), 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = path.join(path.dirname(pkg), 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const electronBinary = findElectronBinary();
const hasElectronBinary = electronBinary !== null;

test.describe('Electron app', () => {
  test.skip(!hasElectronBinary, 'Electron binary not downloaded on this machine');

  let app: ElectronApplication;
  let page: Page;
  let profile: string;

  test.beforeEach(async () => {
    expect(existsSync(path.join(ROOT, 'out/main/index.js')), 'run `npm run build` first').toBe(true);
    profile = mkdtempSync(path.join(os.tmpdir(), 'rnn-lab-e2e-'));
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    app = await electron.launch({
      executablePath: electronBinary!,
      // Chromium refuses to start as root with its OS sandbox; the renderer's JS sandbox (sandbox: true) still applies.
      args: [...(asRoot ? ['--no-sandbox'] : []), ROOT],
      env: { ...process.env, RNN_LAB_USER_DATA: profile, ELECTRON_ENABLE_LOGGING: '1' },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterEach(async () => {
    await app?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  test('starts from app://rnn-lab with an isolated, sandboxed renderer and only the contract bridge', async () => {
    expect(page.url()).toMatch(/^app:\/\/rnn-lab\//);
    await expect(page).toHaveTitle(/RNN Lab/);

    // getLastWebPreferences is Electron-internal (untyped); when present it shows the effective settings.
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0].webContents as unknown as {
        getLastWebPreferences?: () => Record<string, unknown> | null;
      };
      const p = contents.getLastWebPreferences?.();
      return p ? { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webSecurity: p.webSecurity } : null;
    });
    if (prefs) expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });

    const world = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridgeKeys: Object.keys(window.rnnLab ?? {}).sort(),
      onKeys: Object.keys(window.rnnLab?.on ?? {}).sort(),
    }));
    expect(world.require).toBe('undefined');
    expect(world.process).toBe('undefined');
    expect(world.bridgeKeys).toEqual([...Object.keys(INVOKE_CHANNELS), 'on'].sort());
    expect(world.onKeys).toEqual(Object.keys(EVENT_CHANNELS).sort());
  });

  test('serves the renderer with a strict CSP and refuses paths outside it', async () => {
    const result = await page.evaluate(async () => {
      const ok = await fetch('/index.html');
      const escape = await fetch('/%2e%2e/main/index.js');
      return { csp: ok.headers.get('content-security-policy'), escapeStatus: escape.status };
    });
    expect(result.csp).toContain("script-src 'self'");
    expect(result.csp).toContain("object-src 'none'");
    expect(result.csp).not.toMatch(/unsafe-eval/);
    expect(result.escapeStatus).toBe(404);
  });

  test('refuses window.open, navigation away, and non-allow-listed external links', async () => {
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/rnn-lab\//);
    expect(app.windows()).toHaveLength(1);

    const external = await page.evaluate(() => window.rnnLab!.openExternal('http://example.com/'));
    expect(external.ok).toBe(false);
    const badRequest = await page.evaluate(() => window.rnnLab!.loadDoc('../../etc/passwd' as never));
    expect(badRequest).toMatchObject({ ok: false });
  });

  test('trains from the UI in the utility process and carries on after the trainer is killed', async () => {
    await page.evaluate(() => {
      window.location.hash = '#lab';
    });
    await expect(page.getByTestId('metric-params')).toHaveText(/^\d[\d,]*$/, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Train' }).click();
    await expect(page.getByTestId('lab-status')).toContainText('Training');
    const step = async () => Number(await page.getByTestId('metric-step').getAttribute('data-value'));
    await expect.poll(step, { timeout: 30_000 }).toBeGreaterThan(20);

    const trainerPid = await app.evaluate(({ app: electronApp }) => {
      const name = 'RNN Lab Trainer'; // TRAINER_SERVICE_NAME in src-main/trainer-fork-options.ts
      const trainer = electronApp.getAppMetrics().find((m) => m.type === 'Utility' && (m.name === name || m.serviceName === name));
      return trainer?.pid ?? null;
    });
    expect(trainerPid).not.toBeNull();
    await expect.poll(step, { timeout: 10_000 }).toBeGreaterThan(40); // let at least one checkpoint land
    const before = await step();
    process.kill(trainerPid!, 'SIGKILL');

    await expect.poll(step, { timeout: 30_000 }).toBeGreaterThan(before + 20);
    await expect(page.getByTestId('lab-status')).toContainText('Training');
  });

  test('presenter mode on a second window: the audience follows the presenter, and closing it ends the session', async () => {
    await page.evaluate(() => {
      window.location.hash = '#lesson';
    });
    await page.getByRole('button', { name: 'Present' }).click();
    const deck = page.getByTestId('presenter');
    await expect(deck).toBeVisible();
    const opened = app.waitForEvent('window');
    await page.getByTestId('presenter-show-audience').click();
    const audience = await opened;
    await audience.waitForLoadState('domcontentloaded');
    expect(audience.url()).toMatch(/^app:\/\/rnn-lab\/index\.html#present-audience$/);
    await expect(page.getByTestId('presenter-console')).toBeVisible();
    await expect(audience.getByTestId('audience')).toHaveAttribute('data-slide', '0', { timeout: 15_000 });

    await page.keyboard.press('PageDown');
    const presenterTitle = deck.getByRole('heading', { level: 1 });
    await expect(audience.getByTestId('audience')).toHaveAttribute('data-slide', '1');
    await expect(audience.getByRole('heading', { level: 1 })).toHaveText(await presenterTitle.innerText());
    // The audience window shows slides only: no app chrome, no notes, no controls.
    await expect(audience.locator('header, nav, button, [data-testid="presenter-notes"]')).toHaveCount(0);
    await expect(page.getByTestId('presenter-notes')).toBeVisible();

    await app.evaluate(({ BrowserWindow }) => {
      BrowserWindow.getAllWindows().find((w) => w.webContents.getURL().endsWith('#present-audience'))?.close();
    });
    await expect(page.getByTestId('presenter-console')).toHaveCount(0);
    await expect(page.getByTestId('presenter-show-audience')).toBeVisible();
  });
});
