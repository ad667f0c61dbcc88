import { defineConfig, type Project } from '@playwright/test';
import { existsSync } from 'node:fs';
import { WEB_ORIGIN, WEB_PORT } from './e2e/web-helpers';

/**
 * e2e: the browser build (dist-web, built by `npm run build:web` before this runs) in Debian's Chromium,
 * and the Electron app where its binary exists (those specs skip themselves otherwise).
 * Never run `playwright install` here: it downloads a browser and the machines are offline.
 */
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium';
const executablePath = existsSync(chromiumPath) ? chromiumPath : undefined;

/**
 * Tests tagged @timing measure the page's main thread while it trains (e2e/main-thread.ts) and must have the machine
 * to themselves: they run in `browser-timing`, one at a time, after every other test has finished.
 */
const TIMING = /@timing/;

const browserUse: Project['use'] = {
  baseURL: WEB_ORIGIN,
  viewport: { width: 1280, height: 860 },
  // The offline copy would precache the whole app in every test's fresh profile; only the specs about it
  // (browser-offline.spec.ts, browser-policy.spec.ts) turn it on.
  serviceWorkers: 'block',
  launchOptions: {
    executablePath,
    // Headless as root on CI boxes. Never add --disable-software-rasterizer: it kills WebGL (three.js).
    args: [
      '--no-sandbox',
      '--disable-dev-shm-usage',
      '--disable-gpu',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
    ],
  },
};

export default defineConfig({
  testDir: 'e2e',
  // Two at a time (the CI machine's cores) for everything but the @timing tests; `browser-timing` limits itself to one.
  workers: 2,
  // Tests, not files, are shared out: the long spec files would otherwise keep one worker busy alone at the end.
  fullyParallel: true,
  retries: 0,
  reporter: 'list',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  webServer: {
    command: `npx vite preview --config vite.web.config.ts --host 127.0.0.1 --port ${WEB_PORT} --strictPort`,
    url: WEB_ORIGIN,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
  projects: [
    {
      name: 'browser',
      testMatch: /browser-.*\.spec\.ts/,
      grepInvert: TIMING,
      use: browserUse,
    },
    {
      name: 'electron',
      testMatch: /electron-.*\.spec\.ts/,
    },
    {
      // Runs once `browser` and `electron` are done (and only if they passed), one test at a time, so nothing else
      // competes for the cores while a main-thread trace is recorded. Alone: --project browser-timing --no-deps.
      name: 'browser-timing',
      testMatch: /browser-.*\.spec\.ts/,
      grep: TIMING,
      workers: 1,
      dependencies: ['browser', 'electron'],
      use: browserUse,
    },
  ],
});
