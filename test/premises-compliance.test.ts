import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { premises } from '../services/premises/service.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { fieldsOf, publishedWhere } from './support/authority.ts';
import { waitFor } from '../infra/local/wait.ts';
import { FundsAllocated } from '../contracts/funding.ts';
import { communityPath, dataOf, dayFromToday, premisesTokens, putOnBus, registeredSite, siteBody, type PremisesTokens } from './support/premises.ts';

/** The register of sites, compliance with the district's standard, and remediation. */
let t: TestCloud;
let as: PremisesTokens;

beforeAll(async () => {
  t = await startTestCloud({ services: [premises] });
  as = await premisesTokens(t);
});
afterAll(() => t?.stop());

const households = (community: string, count: number, token = as.officialS03) =>
  t.api('POST', `/premises/communities/${communityPath(community)}/households`, { token, body: { households: count } });
const compliance = (community: string, token = as.officialS03) =>
  t.api('GET', `/premises/communities/${communityPath(community)}/compliance`, { token });
const assessed = (community: string) =>
  t.published.filter((e) => e['detail-type'] === 'ComplianceAssessed' && dataOf(e).community === community).map(dataOf);

describe('compliance with the standard', () => {
  it('end to end: sites and households → failing → remediation → RemediationFundingRequested on the bus', async () => {
    const community = 'D01/S03/C01';
    await registeredSite(t, as.officialS03, siteBody(community, { areaM2: 250, residentActivityAreaM2: 150, uses: ['office', 'service'] }));
    await registeredSite(t, as.officialS03, siteBody(community, { areaM2: 100.5, residentActivityAreaM2: 90, uses: ['office'], address: 'Rented rooms',
      tenure: 'rented', lease: { startsOn: '2021-03-01', endsOn: '2027-02-28', annualRentFen: 9_600_000, landlord: 'Sunrise Property Co.' } }));
    expect((await households(community, 1500)).status).toBe(200);

    const now = await compliance(community);
    expect(now.status).toBe(200);
    expect(now.body).toMatchObject({
      status: 'failing',
      households: 1500,
      totalAreaM2: 350.5,
      requiredAreaM2: 450,
      shortfallM2: 99.5,
      residentActivityAreaM2: 240,
      residentActivitySharePercent: 68.47,
      scattered: true,
      failing: ['area-per-households', 'service-complex-size', 'no-long-term-rental', 'not-scattered'],
    });
    expect(now.body.longTermRentals).toEqual([expect.objectContaining({ startsOn: '2021-03-01', reason: expect.stringMatching(/contracted/) })]);
    expect(now.body.rules.find((r: { rule: string }) => r.rule === 'resident-activity-share')).toMatchObject({ pass: true });

    const plan = await t.api('POST', `/premises/communities/${communityPath(community)}/remediation`, {
      token: as.officialS03,
      body: { plan: 'Merge both offices into the new 600 m² service centre on Harmony Road.', dueBy: dayFromToday(365), amountFen: 180_000_000, purpose: 'Fit-out of the service centre' },
    });
    expect(plan.status).toBe(201);
    const asked = await publishedWhere(t, 'RemediationFundingRequested', (d) => d.remediationId === plan.body.id);
    expect(dataOf(asked)).toEqual({
      remediationId: plan.body.id,
      community,
      street: 'D01/S03',
      shortfallM2: 99.5,
      amountFen: 180_000_000,
      purpose: 'Fit-out of the service centre',
    });
    await publishedWhere(t, 'ComplianceAssessed', (d) => d.community === community && d.compliant === false);

    // Funding's answer (request.ref = remediationId) is joined to the plan.
    const request = { requestId: 'FUNDING-REQUEST-1', kind: 'RemediationFundingRequested' as const, ref: plan.body.id as string };
    await putOnBus(t, FundsAllocated, {
      allocationId: 'ALLOCATION-1', poolId: 'POOL-1', street: 'D01/S03', recipient: community, community, amountFen: 150_000_000, purpose: 'Fit-out', request,
    });
    const funded = await waitFor('the plan funded', async () => {
      const plans = await t.api('GET', `/premises/communities/${communityPath(community)}/remediation`, { token: as.workerC01 });
      return plans.body.items?.[0]?.status === 'funded' ? plans.body.items[0] : undefined;
    });
    expect(funded).toMatchObject({ id: plan.body.id, allocatedFen: 150_000_000, amountFen: 180_000_000, allocations: [{ allocationId: 'ALLOCATION-1', amountFen: 150_000_000 }] });
    expect(funded).not.toHaveProperty('version');
    await publishedWhere(t, 'RemediationFunded', (d) => d.remediationId === plan.body.id && d.allocatedFen === 150_000_000);
  });

  it('ComplianceAssessed goes out at the first assessment, then only on pass ↔ fail (600 m² complex: 599 m² fails)', async () => {
    const community = 'D01/S03/C02';
    const siteId = await registeredSite(t, as.officialS03, siteBody(community, { areaM2: 600, residentActivityAreaM2: 360 }));
    const exact = await households(community, 2000);
    const fewer = await households(community, 1990);
    const oneLess = await t.api('PATCH', `/premises/sites/${siteId}`, { token: as.officialS03, body: { version: 1, areaM2: 599 } });
    const more = await households(community, 1996);

    expect(exact.body).toMatchObject({ status: 'compliant', requiredAreaM2: 600, shortfallM2: 0, totalAreaM2: 600 });
    expect(fewer.body.status).toBe('compliant');
    expect(oneLess.status).toBe(200);
    expect(oneLess.body.compliance).toMatchObject({ status: 'failing', requiredAreaM2: 597, shortfallM2: 0 });
    expect(oneLess.body.compliance.failing).toEqual(['service-complex-size']);
    expect(more.body).toMatchObject({ status: 'failing', requiredAreaM2: 598.8, shortfallM2: 0 });

    await publishedWhere(t, 'ComplianceAssessed', (d) => d.community === community && d.compliant === false);
    await publishedWhere(t, 'HouseholdsRecorded', (d) => d.community === community && d.households === 1996);
    expect(assessed(community).map((d) => d.compliant)).toEqual([true, false]);
  });

  it('the area rule alone at the boundary: 3,000 households need 900 m², 899 m² is 1 m² short', async () => {
    const community = 'D01/S03/C03';
    const siteId = await registeredSite(t, as.officialS03, siteBody(community, { areaM2: 900, residentActivityAreaM2: 540 }));
    const exact = await households(community, 3000);
    const less = await t.api('PATCH', `/premises/sites/${siteId}`, { token: as.officialS03, body: { version: 1, areaM2: 899, residentActivityAreaM2: 540 } });

    expect(exact.body).toMatchObject({ status: 'compliant', requiredAreaM2: 900, shortfallM2: 0 });
    expect(less.body.compliance).toMatchObject({ status: 'failing', requiredAreaM2: 900, shortfallM2: 1, failing: ['area-per-households'] });
  });

  it('six sites registered at once in one community are all kept, and counted once each', async () => {
    const community = 'D01/S03/C06';
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => t.api('POST', '/premises/sites', { token: as.officialS03, body: siteBody(community, { areaM2: 100 + i, residentActivityAreaM2: 60, uses: ['service'] }) })),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect((await compliance(community)).body).toMatchObject({ sites: 6, totalAreaM2: 615 });
  });

  it('a stale site version is 409 and changes nothing', async () => {
    const community = 'D01/S03/C04';
    const siteId = await registeredSite(t, as.officialS03, siteBody(community));
    expect((await t.api('PATCH', `/premises/sites/${siteId}`, { token: as.officialS03, body: { version: 1, address: 'New Road 2' } })).status).toBe(200);

    const stale = await t.api('PATCH', `/premises/sites/${siteId}`, { token: as.officialS03, body: { version: 1, address: 'Old Road 3' } });

    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toBe('application/problem+json');
    expect((await t.api('GET', `/premises/sites/${siteId}`, { token: as.officialS03 })).body.site).toMatchObject({ address: 'New Road 2', version: 2 });
  });

  it('the street’s failing communities, paginated; a district office lists its district; another street is 403', async () => {
    for (const c of ['D01/S04/C01', 'D01/S04/C02', 'D01/S04/C03']) {
      await registeredSite(t, as.officialS04, siteBody(c, { areaM2: 100, residentActivityAreaM2: 60 }));
      await households(c, 1000, as.officialS04);
    }
    const first = await t.api('GET', '/premises/compliance?limit=2', { token: as.officialS04 });
    const second = await t.api('GET', `/premises/compliance?limit=2&cursor=${first.body.cursor}`, { token: as.officialS04 });
    const district = await t.api('GET', '/premises/compliance?limit=100', { token: as.admin });

    expect([...first.body.items, ...second.body.items].map((c: { community: string }) => c.community)).toEqual(['D01/S04/C01', 'D01/S04/C02', 'D01/S04/C03']);
    expect(first.body.items[0]).toMatchObject({ status: 'failing', shortfallM2: 200, failing: ['area-per-households', 'service-complex-size'] });
    expect(second.body.cursor).toBeUndefined();
    expect(district.body.items.map((c: { community: string }) => c.community)).toEqual(expect.arrayContaining(['D01/S03/C01', 'D01/S04/C03']));
    expect((await t.api('GET', '/premises/compliance?street=D01/S04', { token: as.officialS03 })).status).toBe(403);
    expect((await t.api('GET', '/premises/compliance?street=D01/S04', { token: as.adminD02 })).status).toBe(403);
  });

  it('a plan for a community that meets the standard, or is not assessed yet, is 409', async () => {
    const body = { plan: 'Nothing to do.', dueBy: dayFromToday(365) };
    await registeredSite(t, as.officialS03, siteBody('D01/S03/C05'));
    expect((await t.api('POST', '/premises/communities/D01-S03-C05/remediation', { token: as.officialS03, body })).status).toBe(409);
    await households('D01/S03/C05', 100);
    expect((await t.api('POST', '/premises/communities/D01-S03-C05/remediation', { token: as.officialS03, body })).status).toBe(409);
  });
});

describe('one shape per resource', () => {
  it('registering, changing and reading a site answer the same site with its community’s compliance beside it; recording households answers that compliance', async () => {
    const community = 'D01/S03/C10';
    const registered = await t.api('POST', '/premises/sites', { token: as.officialS03, body: siteBody(community) });
    const path = `/premises/sites/${registered.body.site.id}`;
    const changed = await t.api('PATCH', path, { token: as.officialS03, body: { version: 1, address: 'Harmony Road 9' } });
    const read = await t.api('GET', path, { token: as.officialS03 });
    const counted = await households(community, 2000);
    const assessed = await compliance(community);

    expect([registered.status, changed.status, read.status, counted.status]).toEqual([201, 200, 200, 200]);
    expect(Object.keys(read.body).sort()).toEqual(['compliance', 'site']);
    expect(read.body).toEqual(changed.body);
    expect(Object.keys(registered.body.site).sort()).toEqual(Object.keys(read.body.site).filter((k) => k !== 'changedAt').sort());
    expect(counted.body).toEqual(assessed.body);
    expect(counted.body).toMatchObject({ community, status: 'compliant', households: 2000, assessedAt: expect.any(String) });
  });
});

describe('who may do what', () => {
  it('a community worker registers sites for its own community, not for another (403, nothing written)', async () => {
    const own = await t.api('POST', '/premises/sites', { token: as.workerC07, body: siteBody('D01/S03/C07') });
    const before = await t.count('premises');
    const other = await t.api('POST', '/premises/sites', { token: as.workerC07, body: siteBody('D01/S03/C08') });

    expect(own.status).toBe(201);
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ status: 403, type: expect.stringMatching(/forbidden$/) });
    expect(await t.count('premises')).toBe(before);
  });

  it('households are the street official’s; compliance is read by the community’s own worker, not another’s', async () => {
    expect((await households('D01/S03/C07', 500, as.workerC07)).status).toBe(403);
    expect((await households('D01/S03/C07', 500, as.officialS04)).status).toBe(403);
    expect((await compliance('D01/S03/C07', as.workerC07)).status).toBe(200);
    expect((await compliance('D01/S03/C07', as.workerC08)).status).toBe(403);
    expect((await compliance('D01/S03/C07', as.admin)).status).toBe(200);
    expect((await compliance('D01/S03/C07', await as.resident())).status).toBe(403);
    expect((await t.api('POST', '/premises/communities/D01-S03-C07/remediation', { token: as.admin, body: { plan: 'x', dueBy: '2027-01-01' } })).status).toBe(403);
  });
});

describe('a community’s register of sites', () => {
  it('lists every site of the community in the order registered, each with the version a change sends back', async () => {
    const community = 'D01/S03/C31';
    const first = await registeredSite(t, as.officialS03, siteBody(community, { address: '南湖路 1 号' }));
    const second = await registeredSite(t, as.officialS03, siteBody(community, { address: '南湖路 2 号' }));
    await registeredSite(t, as.officialS03, siteBody('D01/S03/C32', { address: 'Elsewhere' }));
    const changed = await t.api('PATCH', `/premises/sites/${first}`, { token: as.officialS03, body: { version: 1, address: '南湖路 1 号东楼' } });
    expect(changed.status).toBe(200);

    const listed = await t.api('GET', '/premises/communities/D01-S03-C31/sites', { token: as.officialS03 });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((s: any) => [s.id, s.address, s.version])).toEqual([
      [first, '南湖路 1 号东楼', 2],
      [second, '南湖路 2 号', 1],
    ]);
    expect(listed.body).not.toHaveProperty('cursor');
    const empty = await t.api('GET', '/premises/communities/D01-S01-C03/sites', { token: as.admin });
    expect(empty).toMatchObject({ status: 200, body: { items: [] } });
  });

  it('is for the community’s own worker, its street and the district office: others are refused (403)', async () => {
    expect((await t.api('GET', '/premises/communities/D01-S03-C07/sites', { token: as.workerC07 })).status).toBe(200);
    for (const token of [as.workerC08, as.officialS04, as.adminD02, as.department, await as.resident()]) {
      const refused = await t.api('GET', '/premises/communities/D01-S03-C07/sites', { token });
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('names a community in its path: a street or a slash is 400', async () => {
    for (const path of ['/premises/communities/D01-S03/sites', '/premises/communities/D01%2FS03%2FC07/sites']) {
      const bad = await t.api('GET', path, { token: as.officialS03 });
      expect(bad.status, path).toBe(400);
      expect(fieldsOf(bad.body), path).toContain('path.community');
    }
  });
});

describe('the standard is data, per district', () => {
  it('defaults to the national guidance; a district admin sets its own, which the next assessment uses', async () => {
    const defaults = await t.api('GET', '/premises/districts/D03/standard');
    expect(defaults.body).toEqual({
      district: 'D03', source: 'national-default', version: 0,
      areaPer100HouseholdsM2: 30, residentActivitySharePercent: 60, serviceComplexMinM2: 600, longTermRentalYears: 3, maxOfficeSites: 1,
    });
    const admin = await t.token({ sub: 'admin-d03', roles: ['district-admin'], jurisdiction: 'D03' });
    const official = await t.token({ sub: 'official-d03-s01', roles: ['street-official'], jurisdiction: 'D03/S01' });
    await registeredSite(t, official, siteBody('D03/S01/C01', { areaM2: 600, residentActivityAreaM2: 360 }));
    await households('D03/S01/C01', 2200, official);
    expect((await compliance('D03/S01/C01', official)).body.status).toBe('failing');

    const rules = { areaPer100HouseholdsM2: 25, residentActivitySharePercent: 60, serviceComplexMinM2: 500, longTermRentalYears: 3, maxOfficeSites: 1 };
    const set = await t.api('PUT', '/premises/districts/D03/standard', { token: admin, body: { version: 0, ...rules } });
    const stale = await t.api('PUT', '/premises/districts/D03/standard', { token: admin, body: { version: 0, ...rules } });
    const foreign = await t.api('PUT', '/premises/districts/D03/standard', { token: as.admin, body: { version: 1, ...rules } });

    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ source: 'district', version: 1, areaPer100HouseholdsM2: 25 });
    expect(stale.status).toBe(409);
    expect(foreign.status).toBe(403);
    expect((await compliance('D03/S01/C01', official)).body).toMatchObject({ status: 'compliant', requiredAreaM2: 550, standardVersion: 1 });
    // The stored result follows at the community's next change, with its ComplianceAssessed.
    await households('D03/S01/C01', 2201, official);
    await publishedWhere(t, 'ComplianceAssessed', (d) => d.community === 'D03/S01/C01' && d.compliant === true);
  });
});

describe('bad input is refused and writes nothing', () => {
  it('sites, households, remediation, standard and lists', async () => {
    const siteId = await registeredSite(t, as.officialS03, siteBody('D01/S03/C09'));
    const before = await t.count('premises');
    const post = (path: string, body: unknown, token = as.officialS03) => t.api('POST', path, { token, body });
    const cases: Array<[string, Promise<{ status: number; body: Record<string, any> }>, string]> = [
      ['area with three decimals', post('/premises/sites', siteBody('D01/S03/C09', { areaM2: 10.001 })), 'body.areaM2'],
      ['negative area', post('/premises/sites', siteBody('D01/S03/C09', { areaM2: -1 })), 'body.areaM2'],
      ['resident area over the area', post('/premises/sites', siteBody('D01/S03/C09', { areaM2: 100, residentActivityAreaM2: 100.01 })), 'body.residentActivityAreaM2'],
      ['rented without lease', post('/premises/sites', siteBody('D01/S03/C09', { tenure: 'rented' })), 'body.lease'],
      ['lease ends before it starts', post('/premises/sites', siteBody('D01/S03/C09', { tenure: 'rented', lease: { startsOn: '2026-01-01', endsOn: '2025-01-01', annualRentFen: 1, landlord: 'L' } })), 'body.lease.endsOn'],
      ['rent in yuan with decimals', post('/premises/sites', siteBody('D01/S03/C09', { tenure: 'rented', lease: { startsOn: '2026-01-01', endsOn: '2027-01-01', annualRentFen: 12.5, landlord: 'L' } })), 'body.lease.annualRentFen'],
      ['unknown tenure', post('/premises/sites', siteBody('D01/S03/C09', { tenure: 'squatted' })), 'body.tenure'],
      ['a street is not a community', post('/premises/sites', siteBody('D01/S03')), 'body.community'],
      ['unknown field', post('/premises/sites', siteBody('D01/S03/C09', { floor: 3 })), 'body.floor'],
      ['patch without version', t.api('PATCH', `/premises/sites/${siteId}`, { token: as.officialS03, body: { address: 'X' } }), 'body.version'],
      ['patch with nothing to change', t.api('PATCH', `/premises/sites/${siteId}`, { token: as.officialS03, body: { version: 1 } }), 'body.version'],
      ['fractional households', post('/premises/communities/D01-S03-C09/households', { households: 10.5 }), 'body.households'],
      ['households in a street path', post('/premises/communities/D01-S03/households', { households: 10 }), 'path.community'],
      ['remediation without a plan', post('/premises/communities/D01-S03-C09/remediation', { dueBy: '2027-01-01' }), 'body.plan'],
      ['remediation money as a float', post('/premises/communities/D01-S03-C09/remediation', { plan: 'p', dueBy: '2027-01-01', amountFen: 10.5 }), 'body.amountFen'],
      ['standard share over 100', t.api('PUT', '/premises/districts/D01/standard', { token: as.admin, body: { version: 0, areaPer100HouseholdsM2: 30, residentActivitySharePercent: 101, serviceComplexMinM2: 600, longTermRentalYears: 3, maxOfficeSites: 1 } }), 'body.residentActivitySharePercent'],
      ['list status unknown', t.api('GET', '/premises/compliance?status=bad', { token: as.officialS03 }), 'query.status'],
      ['list cursor forged', t.api('GET', '/premises/compliance?cursor=abc', { token: as.officialS03 }), 'query.cursor'],
    ];
    for (const [name, answer, field] of cases) {
      const { status, body } = await answer;
      expect(status, name).toBe(400);
      expect(body.status, name).toBe(400);
      expect(fieldsOf(body), name).toContain(field);
    }
    expect((await t.api('PATCH', '/premises/sites/01JZZZZZZZZZZZZZZZZZZZZZZZ', { token: as.officialS03, body: { version: 1, address: 'X' } })).status).toBe(404);
    expect(await t.count('premises')).toBe(before);
  });
});
