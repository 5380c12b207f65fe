import { createServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startLocalCloud } from '../../infra/local/runtime.ts';
import { buildWebApp } from '../../infra/local/site.ts';
import { median } from './stats.ts';

export interface WebFigures {
  runs: number;
  positions: number;
  /** JavaScript the browser transferred for the job board's first load (gzip, as served), in KB. */
  firstPageJsGzKB: number;
  firstPageJsFiles: number;
  /** All bodies transferred for it (HTML, CSS, JS, manifest, config, API answers), in KB. */
  firstPageTotalKB: number;
  /** From navigation start until the first position of the list is on the screen, cold cache. */
  listShownMs: { p50: number; min: number; max: number };
  lighthouse: string;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The job board's first load in headless Chromium against the local runtime (npm start's, in
 * memory, the app built as npm start builds it), each run in a fresh browser context (cold cache):
 * what JavaScript came over the wire, and how long until the list is on the screen.
 */
export async function measureWebFirstLoad(options: { runs: number; positions?: number; log?: (line: string) => void }): Promise<WebFigures> {
  const positions = options.positions ?? 25;
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-web-'));
  const ready = buildWebApp();
  const cloud = await startLocalCloud({ inMemory: true, port: 0, dynamoPort: await freePort(), dataDir, web: { ready }, scheduleTimers: false });
  try {
    await ready;
    const org = await cloud.issuer.sign({ roles: ['organization-dept'], jurisdiction: 'D01', sub: 'bench-org' });
    const post = async (path: string, body: unknown) => {
      const response = await fetch(cloud.url + path, {
        method: 'POST',
        headers: { authorization: `Bearer ${org}`, 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as { id: string };
    };
    const year = new Date().getFullYear();
    await post('/recruitment/plans', { year, district: 'D01', streets: [{ street: 'D01/S03', posts: 400, reserved: 100 }] });
    for (let i = 0; i < positions; i += 1) {
      const { id } = await post('/recruitment/positions', {
        title: `社区事务专员 ${i + 1}`,
        street: 'D01/S03',
        kind: 'career-establishment',
        quota: 1,
        eligibility: { sourcePools: ['village-cadre', 'community-worker'], minYearsOfService: 3 },
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        year,
      });
      await post(`/recruitment/positions/${id}/publish`, undefined);
    }

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const shown: number[] = [];
    let js = { bytes: 0, files: 0 };
    let total = 0;
    try {
      for (let run = 0; run < options.runs; run += 1) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        const responses: Array<Promise<{ js: boolean; bytes: number }>> = [];
        page.on('response', (response) => {
          const js = /javascript/.test(response.headers()['content-type'] ?? '');
          // The body as it came over the wire (gzip): what the goal counts; headers apart.
          responses.push(response.request().sizes().then((sizes) => ({ js, bytes: sizes.responseBodySize })));
        });
        await page.goto(cloud.url + '/');
        await page.locator('ul.cards li').first().waitFor();
        shown.push(await page.evaluate(() => performance.now()));
        await page.waitForLoadState('networkidle');
        const sizes = await Promise.all(responses);
        js = { bytes: sizes.filter((s) => s.js).reduce((sum, s) => sum + s.bytes, 0), files: sizes.filter((s) => s.js).length };
        total = sizes.reduce((sum, s) => sum + s.bytes, 0);
        await context.close();
        options.log?.(`web first load ${run + 1}/${options.runs}: list shown after ${Math.round(shown.at(-1)!)} ms, ${(js.bytes / 1024).toFixed(1)} KB of JS`);
      }
    } finally {
      await browser.close();
    }
    return {
      runs: options.runs,
      positions,
      firstPageJsGzKB: Math.round((js.bytes / 1024) * 10) / 10,
      firstPageJsFiles: js.files,
      firstPageTotalKB: Math.round((total / 1024) * 10) / 10,
      listShownMs: { p50: Math.round(median(shown)), min: Math.round(Math.min(...shown)), max: Math.round(Math.max(...shown)) },
      lighthouse:
        'not run: Lighthouse is no dependency of this repository (its current major needs Node 22; 12.2 would add ~40 MB for two scores); axe in the browser tests holds every page to WCAG 2.2 AA instead',
    };
  } finally {
    await cloud.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
