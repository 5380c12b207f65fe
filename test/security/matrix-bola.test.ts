import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../kernel/roles.ts';
import { authority } from '../../services/authority/service.ts';
import { coordination } from '../../services/coordination/service.ts';
import { funding } from '../../services/funding/service.ts';
import { BOOKER_ROLES, STAFF_ROLES } from '../../services/premises/rooms/domain.ts';
import { premises } from '../../services/premises/service.ts';
import { authorityTokens, type AuthorityTokens } from '../support/authority.ts';
import { startTestCloud, type ApiResponse, type TestCloud } from '../support/cloud.ts';
import { coordinationTokens, whistle, type CoordinationTokens } from '../support/coordination.ts';
import { created, fundingTokens, meetingAsks, poolBody, projectBody, requestFor, type FundingTokens } from '../support/funding.ts';
import { addedRoom, book, premisesTokens, registeredSite, siteBody, slotFromNow, type PremisesTokens } from '../support/premises.ts';
import { leak } from './fixtures/bola.ts';
import { COMMUNITY_A, matrixCallers, STREET_A, type Caller } from './fixtures/model.ts';
import { changedKeys, settled, snapshot } from './fixtures/table.ts';

/**
 * BOLA (OWASP API1) where the route table cannot say it: routes open to every jurisdiction that
 * decide by the object (a room's bookings, a staff room, a booking's cancellation), and objects
 * named in a body rather than the path (a project, a pool, a property company, a meeting's decision,
 * the street a committee speaks for). An object of street A must not reach, or be used by, a caller
 * of another street or district. The routes named by id are covered for every role by
 * fixtures/bola.ts in each matrix-<service>.test.ts.
 */
let t: TestCloud;
let callers: Caller[];
const outsiders = () => callers.filter((c) => c.place !== 'own' && c.departmentColumn === 'own');

beforeAll(async () => {
  t = await startTestCloud({ services: [premises, funding, coordination, authority], scheduleTimers: false });
  callers = await matrixCallers(t);
});
afterAll(() => t?.stop());

/** Each request refused with `status` (naming `field`, if given), and the service's table exactly as before them. */
async function refusedWithoutWrites(service: string, requests: Array<() => Promise<ApiResponse>>, status: number, field?: string): Promise<void> {
  await settled(t, service);
  const before = await snapshot(t, service);
  for (const request of requests) {
    const response = await request();
    expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({ status, type: 'application/problem+json' });
    if (field) expect((response.body.errors as Array<{ field: string }>).map((e) => e.field)).toContain(field);
  }
  await settled(t, service);
  expect(changedKeys(before, await snapshot(t, service))).toEqual([]);
}

describe('rooms: routes open to every jurisdiction decide by the room and the booking', () => {
  let as: PremisesTokens;
  let publicRoom: string;
  let staffRoom: string;
  let booking: string;
  let resident: string;
  const window = { from: slotFromNow(3).toISOString(), to: slotFromNow(4).toISOString() };

  beforeAll(async () => {
    as = await premisesTokens(t);
    const site = await registeredSite(t, as.officialS03, siteBody(COMMUNITY_A));
    publicRoom = await addedRoom(t, as.officialS03, site);
    staffRoom = await addedRoom(t, as.officialS03, site, { name: 'Office', bookable: 'staff' });
    resident = await as.resident('resident-a');
    const made = await book(t, resident, publicRoom, slotFromNow(3, 40), slotFromNow(3, 44), { purpose: 'Tenants’ association' });
    expect(made.status).toBe(201);
    booking = made.body.id;
  });

  const bookingsOf = async (room: string, token: string) =>
    (await t.api('GET', `/premises/rooms/${room}/bookings?from=${window.from}&to=${window.to}`, { token })).body.items as Array<Record<string, unknown>>;

  it('a booking of street A is cancelled by no one of another street or district; its booker cancels it', async () => {
    const others = outsiders().filter((c) => BOOKER_ROLES.includes(c.role));
    expect(others.length).toBe(2 * BOOKER_ROLES.length);
    for (const caller of others) {
      const response = await t.api('DELETE', `/premises/bookings/${booking}`, { token: caller.token });
      expect({ caller: caller.sub, leak: leak(response), status: response.status }).toEqual({ caller: caller.sub, leak: undefined, status: 403 });
    }
    expect((await bookingsOf(publicRoom, as.officialS03)).map((b) => b.status)).toEqual(['booked']);
    expect((await t.api('DELETE', `/premises/bookings/${booking}`, { token: resident })).status).toBe(200);
  });

  it('a staff room of street A is booked by no staff of another street or district (to them it is not there: 404); street A’s official books it', async () => {
    const others = outsiders().filter((c) => STAFF_ROLES.includes(c.role as never));
    await refusedWithoutWrites(
      'premises',
      others.map((caller, i) => () => book(t, caller.token, staffRoom, slotFromNow(3, 4 * i), slotFromNow(3, 4 * i + 2))),
      404,
    );
    expect(await bookingsOf(staffRoom, as.officialS03)).toEqual([]);
    expect((await book(t, as.officialS03, staffRoom, slotFromNow(3, 60), slotFromNow(3, 62))).status).toBe(201);
  });

  it('callers of another street or district see street A’s bookings as busy time only; street A’s staff see them whole', async () => {
    const made = await book(t, resident, publicRoom, slotFromNow(3, 20), slotFromNow(3, 24), { purpose: 'Choir rehearsal' });
    expect(made.status).toBe(201);
    const busyOnly = ['endsAt', 'startsAt', 'view'];
    for (const caller of outsiders()) {
      const items = await bookingsOf(publicRoom, caller.token);
      expect({ caller: caller.sub, keys: items.map((b) => Object.keys(b).sort()) }).toEqual({ caller: caller.sub, keys: items.map(() => busyOnly) });
    }
    for (const token of [as.officialS03, as.workerC07, as.admin, as.department]) {
      expect(await bookingsOf(publicRoom, token)).toContainEqual(expect.objectContaining({ id: made.body.id, purpose: 'Choir rehearsal', bookedBy: 'resident-a' }));
    }
  });
});

describe('objects named in a body: another street’s is refused and nothing is written', () => {
  let money: FundingTokens;
  let co: CoordinationTokens;
  let auth: AuthorityTokens;
  beforeAll(async () => {
    [money, co, auth] = await Promise.all([fundingTokens(t), coordinationTokens(t), authorityTokens(t)]);
  });

  it('an allocation from street A’s pool for a project of street S04 (422 body.projectId)', async () => {
    const pool = await created(t, '/funding/pools', money.finance, poolBody(STREET_A, 2026));
    const project = await created(t, '/funding/projects', money.officialS04, projectBody('D01/S04', 2026));
    await refusedWithoutWrites(
      'funding',
      [() => t.api('POST', `/funding/pools/${pool.id}/allocations`, { token: money.officialS03, body: { amountFen: 100, purpose: 'Drains', projectId: project.id } })],
      422,
      'body.projectId',
    );
  });

  it('a decision on street A’s funding request drawing on street S04’s pool (422 body.poolId)', async () => {
    const pool = await created(t, '/funding/pools', money.finance, poolBody('D01/S04', 2026));
    const asks = meetingAsks(5_000, STREET_A);
    await t.cloud.bus.putEvents([asks]);
    const request = await requestFor(t, money.finance, asks.detail.data.decisionId);
    await refusedWithoutWrites(
      'funding',
      [() => t.api('POST', `/funding/requests/${request.id}/decision`, { token: money.finance, body: { decision: 'approve', poolId: pool.id } })],
      422,
      'body.poolId',
    );
  });

  it('an issue of community A naming a property company of street S04 (422 body.propertyCompanyId)', async () => {
    const company = await t.api('POST', '/coordination/property-companies', { token: co.s04, body: { name: 'Far Away Property', communities: ['D01/S04/C07'] } });
    expect(company.status).toBe(201);
    await refusedWithoutWrites(
      'coordination',
      [() => t.api('POST', '/coordination/issues', { token: co.c07, body: whistle({ propertyCompanyId: company.body.id }) })],
      422,
      'body.propertyCompanyId',
    );
  });

  it('an item on D02’s access list by a decision of D01’s joint meeting (422 body.decisionId); a decision for a street outside D01 (422)', async () => {
    const meeting = await t.api('POST', '/coordination/meetings', {
      token: co.admin,
      body: { title: 'Joint meeting', startsAt: '2030-05-06T09:00:00+08:00', endsAt: '2030-05-06T11:00:00+08:00', hostStreet: STREET_A, members: { streets: [STREET_A] } },
    });
    const decision = await t.api('POST', `/coordination/meetings/${meeting.body.id}/decisions`, {
      token: co.admin,
      body: { title: 'List the census', ownerDepartment: 'civil-affairs', deadline: '2030-06-30' },
    });
    expect([meeting.status, decision.status]).toEqual([201, 201]);
    await refusedWithoutWrites(
      'coordination',
      [() => t.api('POST', '/coordination/access-list/items', { token: co.otherAdmin, body: { code: 'WI-D02', title: 'Census', description: 'Door to door.', decisionId: decision.body.id } })],
      422,
      'body.decisionId',
    );
    await refusedWithoutWrites(
      'coordination',
      [() => t.api('POST', `/coordination/meetings/${meeting.body.id}/decisions`, {
        token: co.admin,
        body: { title: 'Pay for it', ownerDepartment: 'housing', deadline: '2030-06-30', street: 'D02/S03', fundingFen: 5_000 },
      })],
      422,
    );
  });

  it('street A’s committee speaking for street S04: an opinion on S04’s evaluation, an assessment in S04 (403)', async () => {
    const evaluation = await t.api('POST', '/authority/evaluations', {
      token: auth.market,
      body: { title: 'Stations 2025', period: '2025', units: [{ street: 'D01/S04', name: 'Market station S04' }] },
    });
    expect(evaluation.status).toBe(201);
    await refusedWithoutWrites(
      'authority',
      [() => t.api('POST', `/authority/evaluations/${evaluation.body.id}/opinions`, { token: auth.s03, body: { rating: 'poor', text: 'Never seen them.', street: 'D01/S04' } })],
      403,
    );
    await refusedWithoutWrites(
      'authority',
      [() => t.api('POST', '/authority/assessments', {
        token: auth.s03,
        body: { staffId: 'STAFF-S04', department: 'market-supervision', period: '2025', score: 10, comment: 'Not ours.', street: 'D01/S04' },
      })],
      403,
    );
  });
});

describe('a public page shows no more of street A’s objects than the public may see', () => {
  it('a property company’s page lists its issues without their description, location, raiser or notes', async () => {
    const co = await coordinationTokens(t);
    const company = await t.api('POST', '/coordination/property-companies', { token: co.s03, body: { name: 'Evergreen Property', communities: [COMMUNITY_A] } });
    const secret = { description: 'Flat 1203: the tenant threatens the caretaker.', location: 'Block 7, flat 1203' };
    const issue = await t.api('POST', '/coordination/issues', {
      token: co.c07,
      body: whistle({ ...secret, category: 'property-management', urgency: 'utility', departments: ['housing'], propertyCompanyId: company.body.id }),
    });
    expect([company.status, issue.status]).toEqual([201, 201]);
    expect((await t.api('POST', `/coordination/issues/${issue.body.id}/acknowledge`, { token: co.housing })).status).toBe(200);
    expect((await t.api('POST', `/coordination/issues/${issue.body.id}/resolve`, { token: co.housing, body: { note: 'Mediated with the tenant’s family.' } })).status).toBe(200);
    expect((await t.api('POST', `/coordination/issues/${issue.body.id}/rating`, { token: co.s03, body: { department: 'housing', score: 2, comment: 'Slow.' } })).status).toBe(200);

    for (const caller of [undefined, ...outsiders()]) {
      const page = await t.api('GET', `/coordination/property-companies/${company.body.id}/issues`, caller ? { token: caller.token } : {});
      expect(page.body.items).toEqual([
        { id: issue.body.id, street: STREET_A, community: COMMUNITY_A, category: 'property-management', urgency: 'utility', status: 'resolved', raisedAt: issue.body.raisedAt, ratings: { housing: 2 } },
      ]);
    }
    // The issue's own readers still see all of it.
    expect((await t.api('GET', `/coordination/issues/${issue.body.id}`, { token: co.s03 })).body).toMatchObject({ ...secret, raisedBy: 'worker-c07' });
  });
});

it('the outsiders are every role, in another street and another district', () => {
  expect(new Set(outsiders().map((c) => c.role))).toEqual(new Set(ROLES));
  expect(new Set(outsiders().map((c) => c.place))).toEqual(new Set(['other-street', 'other-district']));
});
