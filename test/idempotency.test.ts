import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKey, type RouteSpec } from '../kernel/routes.ts';
import type { ServiceName } from '../kernel/table.ts';
import { chinaDate } from '../kernel/calendar.ts';
import { services } from '../services/index.ts';
import { Store } from '../kernel/store.ts';
import { authorityTokens, delegationInForce, fieldsOf, inForce, power, type AuthorityTokens } from './support/authority.ts';
import { startTestCloud, type ApiResponse, type TestCloud } from './support/cloud.ts';
import { coordinationTokens, whistle, type CoordinationTokens } from './support/coordination.ts';
import { budgetBody, created, fundingTokens, poolBody, projectBody, type FundingTokens } from './support/funding.ts';
import { addedRoom, communityPath, premisesTokens, registeredSite, siteBody, slotFromNow, type PremisesTokens } from './support/premises.ts';
import {
  fittingProfile,
  planBody,
  positionBody,
  publishedPosition,
  RecruitmentFlow,
  recruitmentTokens,
  type RecruitmentTokens,
} from './support/recruitment.ts';
import { nomination, sagaTokens, type SagaTokens } from './support/saga.ts';
import { historyItems, scanTable } from './support/scan.ts';

/** Dates a few years ahead of today, so that what must lie in the future does, whatever year the suite runs in. */
const AHEAD = new Date().getUTCFullYear() + 4;

/**
 * Idempotency keys on every route that accepts one (`idempotent: true` in the route tables; a route
 * without a case below fails the first test). For each: a retry with the same key and body gets the
 * first answer again (`idempotent-replayed: true`) and changes nothing; the same key with another body
 * is 422 and changes nothing; 20 requests at once under one key make one change (as many items and
 * history items as one request makes) and all get the first answer.
 *
 * The services run without their subscriptions: what a table holds is then exactly what the HTTP
 * requests wrote, so the items a request adds can be counted.
 */
let t: TestCloud;
let as: {
  saga: SagaTokens;
  recruitment: RecruitmentTokens;
  funding: FundingTokens;
  premises: PremisesTokens;
  authority: AuthorityTokens;
  coordination: CoordinationTokens;
};
let positionId: string;
let flow: RecruitmentFlow;
const run = randomBytes(3).toString('hex');

beforeAll(async () => {
  // No consumers, so that only the requests change the tables; but authority's own, which grants a
  // delegation after its 202 (the delegation cases wait for it before they count).
  const ownWork = new Set(['authority-delegations']);
  t = await startTestCloud({
    services: services.map((s) => ({ ...s, consumers: { ...s.consumers, subscriptions: s.consumers.subscriptions.filter((sub) => ownWork.has(sub.name)) } })),
    scheduleTimers: false,
  });
  as = {
    saga: await sagaTokens(t),
    recruitment: await recruitmentTokens(t),
    funding: await fundingTokens(t),
    premises: await premisesTokens(t),
    authority: await authorityTokens(t),
    coordination: await coordinationTokens(t),
  };
  await created(t, '/recruitment/plans', as.recruitment.org, planBody());
  positionId = await publishedPosition(t, as.recruitment.org);
  flow = new RecruitmentFlow(new Store(t.cloud.tables.recruitment!));
});
afterAll(() => t?.stop());

/** One request of a case: who sends it, where, and two different valid bodies. */
interface Call {
  token: string;
  path: string;
  body: Record<string, unknown>;
  otherBody: Record<string, unknown>;
  /** Work the answer only started (a 202): awaited before anything is counted. */
  settled?: (first: ApiResponse) => Promise<unknown>;
}

/** Sets up what the route needs (fresh for each `n`: 0 for the retries, 1 for the concurrent requests) and names the call. */
type Prepare = (n: number) => Promise<Call>;

const today = () => chinaDate(new Date().toISOString());

async function meetingDecision(n: number): Promise<{ meetingId: string; decisionId: string }> {
  const meeting = await created(t, '/coordination/meetings', as.coordination.admin, meetingBody(n));
  const decision = await created(t, `/coordination/meetings/${meeting.id}/decisions`, as.coordination.admin, {
    title: `Adopt work item list ${n}`,
    ownerDepartment: 'civil-affairs',
    deadline: `${AHEAD}-06-30`,
  });
  return { meetingId: meeting.id as string, decisionId: decision.id as string };
}

const meetingBody = (n: number) => ({
  title: `Joint meeting ${run} ${n}`,
  startsAt: `${AHEAD}-05-06T09:00:00+08:00`,
  endsAt: `${AHEAD}-05-06T11:00:00+08:00`,
  hostStreet: 'D01/S03',
  members: { departments: ['housing'], streets: ['D01/S03'], zoneCommittees: [] },
  agenda: ['Lift repairs'],
});

async function evaluation(n: number): Promise<string> {
  const body = { title: `Stations ${run} ${n}`, period: '2025-H1', units: [{ street: 'D01/S03', name: 'Market station S03' }] };
  return (await created(t, '/authority/evaluations', as.authority.market, body)).id as string;
}

async function delegation(n: number): Promise<string> {
  const code = `IDEM-${run}-R${n}`.toUpperCase();
  await created(t, '/authority/powers', as.authority.admin, power(code));
  const body = { decisionRef: `D01-REV-${run}-${n}`, effectiveOn: `${AHEAD}-01-01`, codes: [code], streets: ['D01/S03'] };
  return (await delegationInForce(t, as.authority.admin, body)).id as string;
}

async function failingCommunity(n: number): Promise<string> {
  const community = `D01/S03/C${30 + n}`;
  await registeredSite(t, as.premises.officialS03, siteBody(community, { areaM2: 100, residentActivityAreaM2: 60, uses: ['office'] }));
  const households = await t.api('POST', `/premises/communities/${communityPath(community)}/households`, {
    token: as.premises.officialS03,
    body: { households: 1500 },
  });
  if (households.status !== 200) throw new Error(`households: ${households.status}`);
  return community;
}

const cases: Record<string, Prepare> = {
  // recruitment
  'POST /recruitment/appointments': async (n) => ({
    token: as.saga.department,
    path: '/recruitment/appointments',
    body: { ...nomination, street: `D01/S${String(40 + n)}`, agency: `Idempotent station ${n}` },
    otherBody: { ...nomination, street: `D01/S${String(40 + n)}`, agency: `Idempotent station ${n}`, nominee: { name: 'Someone Else' } },
  }),
  'POST /recruitment/plans': async (n) => ({
    token: as.recruitment.org,
    path: '/recruitment/plans',
    body: planBody({ year: 2040 + n }),
    otherBody: planBody({ year: 2040 + n, streets: [{ street: 'D01/S03', posts: 5, reserved: 1 }] }),
  }),
  'POST /recruitment/positions': async (n) => ({
    token: as.recruitment.org,
    path: '/recruitment/positions',
    body: positionBody({ title: `Idempotent officer ${n}` }),
    otherBody: positionBody({ title: `Another officer ${n}` }),
  }),
  'POST /recruitment/positions/{id}/applications': async (n) => ({
    token: await as.recruitment.resident(`idem-applicant-${n}`),
    path: `/recruitment/positions/${positionId}/applications`,
    body: { name: `Applicant ${n}`, profile: fittingProfile },
    otherBody: { name: `Applicant ${n}`, profile: { ...fittingProfile, yearsOfService: 9 } },
  }),
  'POST /recruitment/staff/{id}/secondments': async (n) => {
    const [member] = await flow.hire('D01/S03', [`Seconded ${n}`]);
    const body = { toUnit: 'District petition office', startsOn: today(), endsOn: '2099-12-31', approvalRef: `D01-ORG-${n}` };
    return { token: as.recruitment.officialS03, path: `/recruitment/staff/${member!.id}/secondments`, body, otherBody: { ...body, toUnit: 'Another office' } };
  },
  // funding
  'POST /funding/budgets': async (n) => ({
    token: as.funding.finance,
    path: '/funding/budgets',
    body: budgetBody('D01/S03', 2040 + n),
    otherBody: budgetBody('D01/S03', 2040 + n, { personnel: 1 }),
  }),
  'POST /funding/budgets/{id}/adjustments': async (n) => {
    const budget = await created(t, '/funding/budgets', as.funding.finance, budgetBody('D01/S03', 2050 + n));
    const body = { category: 'operations', deltaFen: 10_000, reason: 'Mid-year review' };
    return { token: as.funding.finance, path: `/funding/budgets/${budget.id}/adjustments`, body, otherBody: { ...body, deltaFen: 20_000 } };
  },
  'POST /funding/pools': async (n) => ({
    token: as.funding.finance,
    path: '/funding/pools',
    body: { ...poolBody('D01/S03', 2026), name: `Idempotent pool ${n}` },
    otherBody: { ...poolBody('D01/S03', 2026), name: `Another pool ${n}` },
  }),
  'POST /funding/pools/{id}/allocations': async () => {
    const pool = await created(t, '/funding/pools', as.funding.finance, poolBody('D01/S03', 2026));
    const body = { amountFen: 3_000, purpose: 'Street lights', community: 'D01/S03/C03' };
    return { token: as.funding.finance, path: `/funding/pools/${pool.id}/allocations`, body, otherBody: { ...body, amountFen: 4_000 } };
  },
  'POST /funding/allocations/{id}/disbursements': async (n) => {
    const pool = await created(t, '/funding/pools', as.funding.finance, poolBody('D01/S03', 2026));
    const allocation = await created(t, `/funding/pools/${pool.id}/allocations`, as.funding.finance, { amountFen: 5_000, purpose: 'x', community: 'D01/S03/C03' });
    const body = { amountFen: 1_000, voucherRef: `V-${run}-${n}` };
    return { token: as.funding.officialS03, path: `/funding/allocations/${allocation.id}/disbursements`, body, otherBody: { ...body, amountFen: 2_000 } };
  },
  'POST /funding/projects': async (n) => ({
    token: as.funding.officialS03,
    path: '/funding/projects',
    body: { ...projectBody('D01/S03', 2026), title: `Idempotent drainage ${n}` },
    otherBody: { ...projectBody('D01/S03', 2026), title: `Another drainage ${n}` },
  }),
  // premises
  'POST /premises/sites': async (n) => ({
    token: as.premises.officialS03,
    path: '/premises/sites',
    body: siteBody(`D01/S03/C${20 + n}`),
    otherBody: siteBody(`D01/S03/C${20 + n}`, { areaM2: 601 }),
  }),
  'POST /premises/communities/{community}/remediation': async (n) => {
    const community = await failingCommunity(n);
    const body = { plan: 'Rent a second room next to the office.', dueBy: `${AHEAD}-12-31` };
    return { token: as.premises.officialS03, path: `/premises/communities/${communityPath(community)}/remediation`, body, otherBody: { ...body, dueBy: `${AHEAD + 1}-06-30` } };
  },
  'POST /premises/sites/{id}/rooms': async (n) => {
    const site = await registeredSite(t, as.premises.workerC07, siteBody('D01/S03/C07', { address: `Idempotent Road ${n}` }));
    const body = { name: 'Deliberation room', capacity: 20, bookable: 'public' };
    return { token: as.premises.officialS03, path: `/premises/sites/${site}/rooms`, body, otherBody: { ...body, capacity: 30 } };
  },
  'POST /premises/rooms/{id}/bookings': async (n) => {
    const site = await registeredSite(t, as.premises.workerC07, siteBody('D01/S03/C07', { address: `Booking Road ${n}` }));
    const room = await addedRoom(t, as.premises.officialS03, site);
    const body = { startsAt: slotFromNow(3, 40).toISOString(), endsAt: slotFromNow(3, 44).toISOString(), purpose: 'Choir', attendees: 5 };
    return { token: await as.premises.resident(), path: `/premises/rooms/${room}/bookings`, body, otherBody: { ...body, attendees: 6 } };
  },
  // authority
  'POST /authority/powers': async (n) => ({
    token: as.authority.admin,
    path: '/authority/powers',
    body: power(`IDEM-${run}-P${n}`.toUpperCase()),
    otherBody: power(`IDEM-${run}-P${n}`.toUpperCase(), 'social-governance'),
  }),
  'POST /authority/delegations': async (n) => {
    const code = `IDEM-${run}-D${n}`.toUpperCase();
    await created(t, '/authority/powers', as.authority.admin, power(code));
    const body = { decisionRef: `D01-IDEM-${run}-${n}`, effectiveOn: `${AHEAD}-01-01`, codes: [code], streets: ['D01/S03', 'D01/S04'] };
    return {
      token: as.authority.admin,
      path: '/authority/delegations',
      body,
      otherBody: { ...body, effectiveOn: `${AHEAD}-02-01` },
      // The grants are written after the 202, with their own items and events.
      settled: (first) => inForce(t, as.authority.admin, first.body.id as string),
    };
  },
  'POST /authority/delegations/{id}/revoke': async (n) => {
    const body = { from: `${AHEAD}-06-01`, reason: 'The street merged.' };
    return { token: as.authority.admin, path: `/authority/delegations/${await delegation(n)}/revoke`, body, otherBody: { ...body, from: `${AHEAD}-07-01` } };
  },
  'POST /authority/evaluations': async (n) => {
    const body = { title: `Idempotent evaluation ${run} ${n}`, period: '2025-H1', units: [{ street: 'D01/S03', name: 'Market station S03' }] };
    return { token: as.authority.market, path: '/authority/evaluations', body, otherBody: { ...body, period: '2025-H2' } };
  },
  'POST /authority/evaluations/{id}/opinions': async (n) => {
    const body = { rating: 'good', text: 'The station answers complaints within a day.' };
    return { token: as.authority.s03, path: `/authority/evaluations/${await evaluation(n)}/opinions`, body, otherBody: { ...body, rating: 'poor' } };
  },
  'POST /authority/evaluations/{id}/finalize': async (n) => {
    const id = await evaluation(n);
    const opinion = await t.api('POST', `/authority/evaluations/${id}/opinions`, { token: as.authority.s03, body: { rating: 'good', text: 'Fine.' } });
    if (opinion.status !== 200) throw new Error(`opinion: ${opinion.status}`);
    const body = { conclusion: 'Rated good.' };
    return { token: as.authority.market, path: `/authority/evaluations/${id}/finalize`, body, otherBody: { conclusion: 'Rated poor.' } };
  },
  'POST /authority/assessments': async (n) => {
    const body = { staffId: `IDEM-${run}-S${n}`, department: 'market-supervision', period: '2025', score: 90, comment: 'Never missed a meeting.' };
    return { token: as.authority.s03, path: '/authority/assessments', body, otherBody: { ...body, score: 80 } };
  },
  'POST /authority/department-assessments': async (n) => {
    const body = { staffId: `IDEM-${run}-D${n}`, street: 'D01/S03', period: '2025', score: 75, comment: 'Inspection quota met.' };
    return { token: as.authority.market, path: '/authority/department-assessments', body, otherBody: { ...body, score: 70 } };
  },
  // coordination
  'POST /coordination/issues': async (n) => ({
    token: as.coordination.s03,
    path: '/coordination/issues',
    // A department of its own: the first issue naming a department also starts its performance counters.
    body: whistle({ location: `Block ${n}`, departments: [`idem-${run}-${n}`] }),
    otherBody: whistle({ location: `Block ${n}`, departments: [`idem-${run}-${n}`], urgency: 'general' }),
  }),
  'POST /coordination/meetings': async (n) => ({
    token: as.coordination.admin,
    path: '/coordination/meetings',
    body: meetingBody(n),
    otherBody: { ...meetingBody(n), agenda: ['Something else'] },
  }),
  'POST /coordination/meetings/{id}/decisions': async (n) => {
    const meeting = await created(t, '/coordination/meetings', as.coordination.admin, meetingBody(n));
    const body = { title: 'Repave the market lane', ownerDepartment: 'housing', deadline: `${AHEAD}-06-30` };
    return { token: as.coordination.admin, path: `/coordination/meetings/${meeting.id}/decisions`, body, otherBody: { ...body, ownerDepartment: 'sanitation' } };
  },
  'POST /coordination/property-companies': async (n) => ({
    token: as.coordination.s03,
    path: '/coordination/property-companies',
    body: { name: `Harmony Property ${n}`, communities: ['D01/S03/C07'] },
    otherBody: { name: `Harmony Property ${n}`, communities: ['D01/S03/C08'] },
  }),
  'POST /coordination/access-list/items': async (n) => {
    const { decisionId } = await meetingDecision(n);
    const body = { code: `WI-${run}-A${n}`, title: 'Census help', description: 'Approved work item', decisionId };
    return { token: as.coordination.admin, path: '/coordination/access-list/items', body, otherBody: { ...body, title: 'Census help, again' } };
  },
  'POST /coordination/work-items': async (n) => {
    const { decisionId } = await meetingDecision(10 + n);
    const code = `WI-${run}-W${n}`;
    await created(t, '/coordination/access-list/items', as.coordination.admin, { code, title: 'Census help', description: 'Approved work item', decisionId });
    const body = { code, community: 'D01/S03/C07', title: 'Census help', description: 'Knock on doors.' };
    return { token: as.coordination.market, path: '/coordination/work-items', body, otherBody: { ...body, community: 'D01/S03/C08' } };
  },
};

/** The idempotent routes, from the route tables. */
const idempotent: Array<{ service: ServiceName; route: RouteSpec }> = services.flatMap((s) =>
  Object.values(s.routes)
    .filter((route) => route.idempotent)
    .map((route) => ({ service: s.name, route })),
);

const send = (call: Call, key: string, correlationId: string, body = call.body) =>
  t.api('POST', call.path, { token: call.token, body, headers: { 'idempotency-key': key, 'x-correlation-id': correlationId } });

/** What a caller can tell two answers apart by. */
const answer = (r: ApiResponse) => ({ status: r.status, contentType: r.headers.get('content-type'), body: r.body });
const replayed = (r: ApiResponse) => r.headers.get('idempotent-replayed') === 'true';

/** The history items (events) that requests with these correlation ids committed. */
async function eventsOf(service: ServiceName, correlationIds: readonly string[]) {
  return historyItems(await scanTable(t.cloud.tables[service]!)).filter((h) => correlationIds.includes(h.correlationId as string));
}

it('every idempotent route of the route tables has a case, and every case is such a route', () => {
  expect(idempotent.length).toBeGreaterThan(0);
  expect(Object.keys(cases).sort()).toEqual(idempotent.map(({ route }) => routeKey(route)).sort());
});

describe.each(idempotent.map(({ service, route }) => ({ key: routeKey(route), service, route })))('$key', ({ key, service, route }) => {
  const prepare = cases[key];
  const tag = key.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

  it('a retry gets the first answer and changes nothing; another body under the key is 422 and changes nothing; 20 at once under one key change what one does', async () => {
    if (!prepare) throw new Error(`no case for ${key}`);
    // One request, its retry, and the key reused with another body.
    const call = await prepare(0);
    const idempotencyKey = `${tag}-${run}-0`;
    const before = await t.count(service);
    const first = await send(call, idempotencyKey, `${tag}-${run}-first`);
    expect(first.status, JSON.stringify(first.body)).toBe(route.status);
    expect(replayed(first)).toBe(false);
    await call.settled?.(first);
    const added = (await t.count(service)) - before;
    const events = await eventsOf(service, [`${tag}-${run}-first`]);
    expect(added).toBeGreaterThan(0);

    const retry = await send(call, idempotencyKey, `${tag}-${run}-retry`);
    expect(answer(retry)).toEqual(answer(first));
    expect(replayed(retry)).toBe(true);

    const reused = await send(call, idempotencyKey, `${tag}-${run}-reused`, call.otherBody);
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toBe('application/problem+json');
    expect(fieldsOf(reused.body)).toEqual(['header.idempotency-key']);
    expect(await t.count(service)).toBe(before + added);
    expect(await eventsOf(service, [`${tag}-${run}-retry`, `${tag}-${run}-reused`])).toEqual([]);

    // Twenty at once under one fresh key.
    const racing = await prepare(1);
    const racingKey = `${tag}-${run}-1`;
    const correlationIds = Array.from({ length: 20 }, (_, i) => `${tag}-${run}-race-${i}`);
    const beforeRace = await t.count(service);
    const answers = await Promise.all(correlationIds.map((id) => send(racing, racingKey, id)));

    const originals = answers.filter((a) => !replayed(a));
    expect(originals, JSON.stringify(originals.map(answer))).toHaveLength(1);
    const original = originals[0]!;
    expect(original.status).toBe(route.status);
    for (const a of answers) expect(answer(a)).toEqual(answer(original));
    await racing.settled?.(original);
    expect((await t.count(service)) - beforeRace).toBe(added);
    const raceEvents = await eventsOf(service, correlationIds);
    expect(raceEvents).toHaveLength(events.length);
    // The events are the original request's: the one that was answered without a replay.
    expect(new Set(raceEvents.map((e) => e.correlationId))).toEqual(new Set(events.length ? [original.headers.get('x-correlation-id')] : []));
    console.log(`[idempotency] ${key}: 1 request adds ${added} items and ${events.length} events; 20 at once under one key: ${answers.length - originals.length} replays, ${added} items, ${raceEvents.length} events`);
  }, 60_000);
});

it('a stored refusal replays as it was: a blocked work item (422 problem+json) is blocked once', async () => {
  const body = { code: `WI-${run}-NOT-LISTED`, community: 'D01/S03/C07', title: 'Survey', description: 'Not on the list.' };
  const call: Call = { token: as.coordination.market, path: '/coordination/work-items', body, otherBody: body };
  const before = await t.count('coordination');
  const first = await send(call, `blocked-${run}`, `blocked-${run}-first`);
  const added = (await t.count('coordination')) - before;
  const retry = await send(call, `blocked-${run}`, `blocked-${run}-retry`);

  expect(first.status).toBe(422);
  expect(first.headers.get('content-type')).toBe('application/problem+json');
  expect(answer(retry)).toEqual(answer(first));
  expect(replayed(retry)).toBe(true);
  expect(await t.count('coordination')).toBe(before + added);
  expect(await eventsOf('coordination', [`blocked-${run}-first`, `blocked-${run}-retry`])).toHaveLength(1);
});
