import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../infra/local/wait.ts';
import { REPO_ROOT } from '../infra/paths.ts';
import { services } from '../services/index.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { coordinationTokens, type CoordinationTokens } from './support/coordination.ts';

/**
 * The five services together, through the local gateway, relay and bus: a joint meeting gets its
 * venue from premises; a decision with money becomes a funding request that finance approves, the
 * allocation settles the decision; the street's scorecard moves with the other services' events.
 */
const subscribed = (service: string, detailType: string) =>
  services.some((s) => s.name === service && s.events && existsSync(join(REPO_ROOT, s.events)) && s.consumers.subscriptions.some((sub) => sub.detailTypes.includes(detailType)));
/** Each flow crosses three services and the bus several times; on a loaded machine that takes a while. */
const FLOW_MS = 120_000;
const waitLong = { timeoutMs: 100_000 };
/** What the flows stand on; a missing one fails them (it is a defect), it does not skip them. */
const needed = [
  ['premises', 'VenueRequested'],
  ['funding', 'FundingRequested'],
] as const;
const missing = needed.filter(([service, detailType]) => !subscribed(service, detailType)).map(([service, detailType]) => `${service} consuming ${detailType}`);

describe('the five haves, end to end', () => {
  let t: TestCloud;
  let as: CoordinationTokens;
  let finance: string;

  // Each flow fails at once, saying what is missing, instead of waiting out its deadline.
  beforeEach(() => {
    expect(missing, 'subscriptions the five-haves flows need (no subscription or no events handler declares them)').toEqual([]);
  });

  beforeAll(async () => {
    t = await startTestCloud({ scheduleTimers: false });
    as = await coordinationTokens(t);
    finance = as.finance;
  });
  afterAll(() => t?.stop());

  const scorecard = () => t.api('GET', '/coordination/streets/D01-S03/scorecard', { token: as.s03 }).then((r) => r.body);

  it('a joint meeting gets its venue booked by premises', async () => {
    const site = await t.api('POST', '/premises/sites', {
      token: as.s03,
      body: { community: 'D01/S03/C07', address: 'Harmony Road 1', areaM2: 600, residentActivityAreaM2: 400, tenure: 'owned', uses: ['office', 'service', 'resident-activity'] },
    });
    expect(site.status).toBe(201);
    const room = await t.api('POST', `/premises/sites/${site.body.site.id}/rooms`, { token: as.s03, body: { name: 'Deliberation room', capacity: 30, bookable: 'public' } });
    expect(room.status).toBe(201);

    const day = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()) + 10 * 86_400_000);
    const convened = await t.api('POST', '/coordination/meetings', {
      token: as.admin,
      body: {
        title: 'Joint meeting: old-town lifts',
        startsAt: new Date(day.getTime() + 2 * 3600_000).toISOString(),
        endsAt: new Date(day.getTime() + 4 * 3600_000).toISOString(),
        hostStreet: 'D01/S03',
        members: { departments: ['housing'], streets: ['D01/S03'], zoneCommittees: [] },
        agenda: ['Lifts'],
      },
    });
    expect(convened.status).toBe(201);
    const meeting = await waitFor('the venue of the meeting', async () => {
      const read = await t.api('GET', `/coordination/meetings/${convened.body.id}`, { token: as.admin });
      return read.body.venue.status === 'requested' ? undefined : read.body;
    }, waitLong);
    expect(meeting.venue).toMatchObject({ status: 'booked', roomName: 'Deliberation room', community: 'D01/S03/C07' });
  }, FLOW_MS);

  it('a decision with money → a funding request → funds allocated by finance → the decision is funded; the scorecard moves', async () => {
    const before = await scorecard();
    expect(before.money).toMatchObject({ budgetedFen: 0, allocatedFen: 0 });
    // Funding is asked of finance: a budget and a pool for the street first.
    expect((await t.api('POST', '/funding/budgets', { token: finance, body: { street: 'D01/S03', year: 2026, categories: { personnel: 8_000_000, operations: 2_000_000, 'resident-services': 3_000_000, 'capital-projects': 10_000_000 } } })).status).toBe(201);
    const pool = await t.api('POST', '/funding/pools', {
      token: finance,
      body: { street: 'D01/S03', year: 2026, name: 'Community fund S03', lines: [{ program: 'Lifts', department: 'housing', amountFen: 5_000_000 }] },
    });
    expect(pool.status).toBe(201);

    const convened = await t.api('POST', '/coordination/meetings', {
      token: as.admin,
      body: {
        title: 'Joint meeting: money for lifts',
        startsAt: '2031-03-03T09:00:00+08:00',
        endsAt: '2031-03-03T10:00:00+08:00',
        hostStreet: 'D01/S03',
        members: { departments: ['housing'], streets: ['D01/S03'] },
      },
    });
    const decision = await t.api('POST', `/coordination/meetings/${convened.body.id}/decisions`, {
      token: as.admin,
      body: { title: 'Repair the lifts of Block 4', ownerDepartment: 'housing', deadline: '2031-06-30', fundingFen: 1_200_000, purpose: 'Lift repairs' },
    });
    expect(decision.status).toBe(201);

    const request = await waitFor('the funding request of the decision', async () => {
      const list = await t.api('GET', '/funding/requests?status=open&limit=100', { token: finance });
      return (list.body.items as Array<Record<string, any>> | undefined)?.find((r) => r.ref === decision.body.id);
    }, waitLong);
    expect(request).toMatchObject({ amountFen: 1_200_000, street: 'D01/S03' });
    const approved = await t.api('POST', `/funding/requests/${request.id}/decision`, { token: finance, body: { decision: 'approve', poolId: pool.body.id } });
    expect(approved.status).toBe(200);

    const funded = await waitFor('the decision to be funded', async () => {
      const read = await t.api('GET', `/coordination/meetings/${convened.body.id}`, { token: as.admin });
      const d = (read.body.decisions as Array<Record<string, any>>).find((x) => x.id === decision.body.id);
      return d?.funding?.status === 'requested' ? undefined : d;
    }, waitLong);
    expect(funded.funding).toMatchObject({ status: 'allocated', amountFen: 1_200_000, allocatedFen: 1_200_000 });

    let last: unknown;
    const card = await waitFor('the scorecard to show the budget and the allocation', async () => {
      const c = await scorecard();
      last = c;
      return c.money?.allocatedFen >= 1_200_000 && c.money?.budgetedFen >= 23_000_000 ? c : undefined;
    }, waitLong).catch((error: Error) => {
      throw new Error(`${error.message}; last read: ${JSON.stringify(last)}`);
    });
    expect(card.money).toMatchObject({ budgetedFen: 23_000_000, allocatedFen: 1_200_000 });
    expect(card.changedAt).not.toBeNull();
  }, FLOW_MS);
});
