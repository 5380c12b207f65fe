import { existsSync } from 'node:fs';
import { waitFor } from '../infra/local/wait.ts';
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

// Required, not optional: without a browser this file fails, saying what to install.
describe('the API reference page (/docs) in headless Chromium', () => {
  let t: TestCloud;
  let browser: Browser;

  beforeAll(async () => {
    if (!executable) {
      throw new Error(
        'No Chromium found (looked at CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome): ' +
          'the /docs browser test is required. Install it with `apt-get install -y chromium` (.ci/run does), or point CHROMIUM_PATH at one.',
      );
    }
    t = await startTestCloud({ scheduleTimers: false });
    browser = await chromium.launch({
      executablePath: executable,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it("lists every operation of every service's route table under its service, loading nothing from elsewhere, with a clean console", async () => {
    const page = await browser.newPage();
    // What the page tries to load from anywhere but the gateway is refused here (and by the page's
    // CSP before that): nothing, not even an image, may come from outside.
    const outside: Array<{ url: string; type: string }> = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(t.cloud.url) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      outside.push({ url, type: route.request().resourceType() });
      return route.abort();
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Chromium reports a CSP refusal on the console ("Refused to load …") and as an event in the page.
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.addInitScript({
      content: "document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));",
    });

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
    expect(outside, 'anything from outside the gateway').toEqual([]);
    expect(consoleErrors, 'errors on the console (a CSP violation among them)').toEqual([]);
  }, 120_000);

  it('its search finds an operation by a word of its path, indexed in the page (no worker, no eval)', async () => {
    const page = await browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${t.cloud.url}/docs#/recruitment`);
    await page.getByText('Operations', { exact: true }).first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+K');
    const search = page.getByPlaceholder('Search docs...');
    await search.fill('consents');
    // The results follow the search box; authority's decision route is on no page of recruitment's.
    const found = await waitFor(
      'a search result for the consent decision',
      async () => {
        const html = await page.content();
        return html.slice(html.indexOf('Search docs...')).includes('/{id}/decision') ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(found).toBe(true);
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
