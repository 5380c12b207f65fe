import { defineConfig } from '@playwright/test';
import { E2E_DATA_DIR, E2E_DYNAMODB_PORT, E2E_PORT } from './web/e2e/support/env.ts';

/**
 * The web app's journeys in Debian's Chromium (never a downloaded browser) against `npm start`'s
 * runtime on in-memory DynamoDB Local, on ports of their own. Each journey arranges what it needs
 * through the API (web/e2e/support/arrange.ts) and then acts through the browser only, signing in
 * through the real OpenID flow. Desktop runs every file; the phone (360 px) runs the journeys.
 */
export default defineConfig({
  testDir: 'web/e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: '.data/web-e2e/results',
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Playwright gives every browser a fresh, temporary profile (its own --user-data-dir).
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 900 } } },
    {
      name: 'phone',
      testMatch: /journeys?\/.*\.spec\.ts$/,
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
    },
  ],
  webServer: {
    // node itself (not npm and tsx in front of it) takes the SIGTERM, so its shutdown stops DynamoDB Local.
    command: `node --import tsx infra/local/start.ts --in-memory --port ${E2E_PORT} --dynamodb-port ${E2E_DYNAMODB_PORT} --data-dir ${E2E_DATA_DIR}`,
    url: `http://localhost:${E2E_PORT}/config.json`,
    timeout: 180_000,
    reuseExistingServer: false,
    // npm start stops DynamoDB Local on SIGTERM; a SIGKILL would leave its JVM behind.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
