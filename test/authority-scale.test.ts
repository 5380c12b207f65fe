import { afterAll, beforeAll, expect, it } from 'vitest';
import { authority } from '../services/authority/service.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { inForce, inParallel, power, publishedWhere, streetPath } from './support/authority.ts';
import { scanTable } from './support/scan.ts';

/**
 * The scale of a real reference (Beijing delegated 431 powers to its streets and towns in July 2020):
 * 500 powers to 300 streets. The jurisdiction format gives a district at most 100 streets (S00-S99),
 * and a district office delegates only to its own, so 300 streets are three districts' delegations of
 * the same 500 powers, made at the same time: 150,000 street-power grants in 1,500 grant items. No
 * request writes them: each is accepted (202) and granted in bounded steps by authority's consumer.
 */
let t: TestCloud;
const codes = Array.from({ length: 500 }, (_, i) => `BJ-${String(i + 1).padStart(4, '0')}`);
const districts = ['D01', 'D02', 'D03'];
const streetsOf = (district: string) => Array.from({ length: 100 }, (_, i) => `${district}/S${String(i).padStart(2, '0')}`);

beforeAll(async () => {
  // Authority alone: the other services have no part in this.
  t = await startTestCloud({ services: [authority] });
  const admin = await t.token({ sub: 'd01-office', roles: ['district-admin'], jurisdiction: 'D01' });
  const started = Date.now();
  const added = await inParallel(codes, 16, (code) => t.api('POST', '/authority/powers', { token: admin, body: power(code) }));
  console.info(`[scale] 500 catalog entries through the gateway, 16 at a time: ${Date.now() - started} ms`);
  expect(added.every((r) => r.status === 201)).toBe(true);
}, 120_000);
afterAll(() => t?.stop());

it('500 powers delegated to 300 streets: accepted at once, every grant once, and each street answered by key', async () => {
  const started = Date.now();
  // Three district offices at the same time. Each request only accepts its delegation (202); the
  // 500 grant items of each are written by authority's consumer in steps of one transaction each.
  const accepted = await Promise.all(
    districts.map(async (district) => {
      const token = await t.token({ sub: `${district}-office`, roles: ['district-admin'], jurisdiction: district });
      const response = await t.api('POST', '/authority/delegations', {
        token,
        body: { decisionRef: `${district}-GOV-2020-07`, effectiveOn: '2020-07-01', codes, streets: streetsOf(district) },
      });
      return { token, response };
    }),
  );
  console.info(`[scale] 3 delegations of 500 powers x 100 streets accepted at once: ${Date.now() - started} ms`);
  expect(accepted.map((a) => a.response.status)).toEqual([202, 202, 202]);
  expect(accepted.map((a) => a.response.body.grants)).toEqual(Array(3).fill({ pairs: 50_000, items: 500, written: 0 }));

  // 18 steps in all, three chains side by side: generous for a loaded 2-core machine.
  const delegated = await Promise.all(accepted.map(({ token, response }) => inForce(t, token, response.body.id, { timeoutMs: 240_000 })));
  console.info(`[scale] ... and in force, every grant written: ${Date.now() - started} ms`);
  expect(delegated.map((d) => d.status)).toEqual(['in-force', 'in-force', 'in-force']);
  expect(delegated.map((d) => d.grants)).toEqual(Array(3).fill({ pairs: 50_000, items: 500, written: 500 }));

  // Every grant item once: 5 parts of 100 codes per street, 300 streets. (A test may scan; the service never does.)
  const grantItems = (await scanTable(t.cloud.tables.authority!)).filter((item) => item.itemType === 'grant');
  const pairs = new Set(grantItems.flatMap((g) => g.codes.map((code: string) => `${g.street} ${code}`)));
  expect(grantItems).toHaveLength(1500);
  expect(pairs.size).toBe(150_000);

  // The first, a middle and the last street of each district hold all 500, page by page.
  for (const district of districts) {
    for (const street of [0, 57, 99].map((i) => streetsOf(district)[i]!)) {
      const queried = Date.now();
      const held: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await t.api('GET', `/authority/streets/${streetPath(street)}/powers?on=2020-07-01&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        held.push(...page.body.items.map((p: { code: string; legalBasis: string }) => p.code));
        cursor = page.body.cursor;
      } while (cursor);
      if (street === 'D03/S99') console.info(`[scale] D03/S99's 500 powers in 5 pages of 100: ${Date.now() - queried} ms`);
      expect(held).toEqual(codes);
    }
  }
  const dayBefore = await t.api('GET', `/authority/streets/D02-S50/powers?on=2020-06-30`);
  expect(dayBefore.body.items).toEqual([]);

  // One PowersDelegated per district, naming the 500 codes and 100 streets, far below 256 KB.
  for (const district of districts) {
    const event = await publishedWhere(t, 'PowersDelegated', (d) => d.district === district);
    const bytes = Buffer.byteLength(JSON.stringify(event));
    console.info(`[scale] PowersDelegated of ${district}: ${bytes} bytes`);
    expect(bytes).toBeLessThan(256 * 1024);
    expect((event.detail as { data: { grants: number } }).data.grants).toBe(50_000);
  }
}, 360_000);
