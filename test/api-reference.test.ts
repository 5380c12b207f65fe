import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKey } from '../kernel/routes.ts';
import { services } from '../services/index.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';

/**
 * The API reference page as a reader meets it: Debian's headless Chromium (installed by .ci/run)
 * opens the local gateway's /docs, Redoc renders the document from /openapi.json, and every
 * operation of every service's route table is on the page. Nothing may be fetched from elsewhere.
 */
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const executable = CANDIDATES.find((path): path is string => Boolean(path) && existsSync(path!));
if (!executable) {
  console.warn(
    'SKIPPED the /docs browser test: no Chromium found (looked at CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, ' +
      '/usr/bin/google-chrome). Install it with `apt-get install -y chromium` (.ci/run does).',
  );
}

describe.skipIf(!executable)('the API reference page (/docs) in headless Chromium', () => {
  let t: TestCloud;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestCloud({ scheduleTimers: false });
    browser = await chromium.launch({
      executablePath: executable!,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it("lists every operation of every service's route table under its service, loading nothing from elsewhere", async () => {
    const page = await browser.newPage();
    // What the page tries to load from anywhere but the gateway is refused here (and by the page's
    // CSP before that): Redoc's bundle links its logo on a CDN; no script, style or data may come from outside.
    const outside: Array<{ url: string; type: string }> = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(t.cloud.url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outside.push({ url, type: route.request().resourceType() });
      return route.abort();
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto(`${t.cloud.url}/docs`);
    const missing: string[] = [];
    for (const service of services) {
      // Redoc 3 gives each tag (service) a page listing its operations as "<method><path>".
      await page.goto(`${t.cloud.url}/docs#/${service.name}`);
      await page.getByText('Operations', { exact: true }).first().waitFor({ timeout: 60_000 });
      const more = page.getByText(/^Show \d+ more/);
      if ((await more.count()) > 0) await more.first().click();
      const text = (await page.textContent('main')) ?? '';
      for (const route of Object.values(service.routes)) {
        if (!text.includes(`${route.method.toLowerCase()}${route.path}`)) missing.push(`${service.name}: ${routeKey(route)}`);
      }
    }
    expect(missing, 'operations not listed on their service\'s page').toEqual([]);
    expect(errors, 'errors in the page').toEqual([]);
    expect(outside.filter((r) => r.type !== 'image'), 'scripts, styles or data from outside the gateway').toEqual([]);
  }, 120_000);
});
