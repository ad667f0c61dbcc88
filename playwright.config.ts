import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import { WEB_ORIGIN, WEB_PORT } from './e2e/web-helpers';

/**
 * e2e: the browser build (dist-web, built by `npm run build:web` before this runs) in Debian's Chromium,
 * and the Electron app where its binary exists (those specs skip themselves otherwise).
 * Never run `playwright install` here: it downloads a browser and the machines are offline.
 */
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/lib/chromium/chromium';
const executablePath = existsSync(chromiumPath) ? chromiumPath : undefined;

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
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
      use: {
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
      },
    },
    {
      name: 'electron',
      testMatch: /electron-.*\.spec\.ts/,
    },
  ],
});
