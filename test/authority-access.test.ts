import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../kernel/store.ts';
import { openConsentCase } from '../services/authority/consents/domain.ts';
import { ConsentStore } from '../services/authority/consents/store.ts';
import type { RouteSpec } from '../kernel/routes.ts';
import { routes } from '../services/authority/routes.ts';
import { authority } from '../services/authority/service.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { authorityTokens, delegationInForce, fieldsOf, power, type AuthorityTokens } from './support/authority.ts';

/**
 * Every authority route, walked from its route table: no token is 401, bad input is 400 naming the
 * field, a caller of another street or department is 403 on every write route, and none of these
 * writes anything.
 */
let t: TestCloud;
let as: AuthorityTokens;
let delegationId: string;
let evaluationId: string;
let consentCaseId: string;

beforeAll(async () => {
  t = await startTestCloud({ services: [authority] });
  as = await authorityTokens(t);
  expect((await t.api('POST', '/authority/powers', { token: as.admin, body: power('CM-0001') })).status).toBe(201);
  // In force before any test counts items: its grants are written after the 202, by the consumer.
  const delegated = await delegationInForce(t, as.admin, { decisionRef: 'D01-ACCESS', effectiveOn: '2025-07-01', codes: ['CM-0001'], streets: ['D01/S03'] });
  delegationId = delegated.id;
  const evaluation = await t.api('POST', '/authority/evaluations', {
    token: as.market,
    body: { title: 'Stations 2025', period: '2025', units: [{ street: 'D01/S03', name: 'Station S03' }, { street: 'D01/S04', name: 'Station S04' }] },
  });
  evaluationId = evaluation.body.id;
  const consents = new ConsentStore(new Store(t.cloud.tables.authority!));
  const cause = { correlationId: 'access', causationId: ulid(), now: new Date().toISOString(), actor: { sub: 'five-haves.authority', roles: ['service'] } };
  const opened = openConsentCase(
    ulid(),
    { appointmentId: ulid(), street: 'D01/S03', department: 'market-supervision', agency: 'Station S03', action: 'appoint', nominee: { name: 'Wang Li' }, reason: 'Retired.', requestedAt: cause.now },
    cause,
  );
  await consents.store.commit(consents.consentCommit(opened));
  consentCaseId = opened.consentCase.id;
  expect([delegated.status, evaluation.status]).toEqual(['in-force', 201]);
});
afterAll(() => t?.stop());

/** A route's path with its parameters filled in (an id that exists where one is needed). */
function pathOf(path: string): string {
  return path
    .replace('/delegations/{id}', `/delegations/${delegationId}`)
    .replace('/evaluations/{id}', `/evaluations/${evaluationId}`)
    .replace('/consents/{id}', `/consents/${consentCaseId}`)
    .replace('{code}', 'CM-0001')
    .replace('{street}', 'D01-S03');
}

async function writesNothing(act: () => Promise<void>): Promise<void> {
  const before = await t.count('authority');
  await act();
  expect(await t.count('authority')).toBe(before);
}

describe('tokens', () => {
  const all: Array<[string, RouteSpec]> = Object.entries(routes);

  for (const [name, route] of all.filter(([, r]) => !r.access.public)) {
    it(`${route.method} ${route.path} (${name}) without a token is 401 and writes nothing`, async () => {
      await writesNothing(async () => {
        const response = await t.api(route.method, pathOf(route.path), route.body ? { body: {} } : {});
        expect(response.status).toBe(401);
      });
    });
  }

  for (const [name, route] of all.filter(([, r]) => r.access.public)) {
    it(`${route.method} ${route.path} (${name}) is public: answered without a token`, async () => {
      const response = await t.api(route.method, pathOf(route.path));
      expect(response.status).toBe(200);
    });
  }
});

type Case = { route: keyof typeof routes; token: () => string; path?: string; query?: string; body?: unknown; field: string };

const evaluationBody = { title: 'x', period: '2025', units: [{ street: 'D01/S03', name: 'Station' }] };
const assessment = { staffId: 'STAFF-1', department: 'market-supervision', period: '2025', score: 80, comment: 'Good.' };
const manyStreets = Array.from({ length: 41 }, (_, i) => ({ street: `D01/S${String(i).padStart(2, '0')}`, name: 'Station' }));

const badInput: Case[] = [
  { route: 'addPower', token: () => as.admin, body: { ...power('CM-0009'), legalBasis: undefined }, field: 'body.legalBasis' },
  { route: 'addPower', token: () => as.admin, body: power('CM-0009', 'housing'), field: 'body.domain' },
  { route: 'addPower', token: () => as.admin, body: power('bad code!'), field: 'body.code' },
  { route: 'addPower', token: () => as.admin, body: { ...power('CM-0009'), fromDepartment: 'Urban Management' }, field: 'body.fromDepartment' },
  { route: 'addPower', token: () => as.admin, body: { ...power('CM-0009'), fee: 1 }, field: 'body.fee' },
  { route: 'listPowers', token: () => '', query: 'domain=housing', field: 'query.domain' },
  { route: 'listPowers', token: () => '', query: 'limit=0', field: 'query.limit' },
  { route: 'getPower', token: () => '', path: '/authority/powers/bad%20code', field: 'path.code' },
  { route: 'delegatePowers', token: () => as.admin, body: { decisionRef: 'R', effectiveOn: '2025-02-30', codes: ['CM-0001'], streets: ['D01/S03'] }, field: 'body.effectiveOn' },
  { route: 'delegatePowers', token: () => as.admin, body: { decisionRef: 'R', effectiveOn: '2025-07-01', codes: [], streets: ['D01/S03'] }, field: 'body.codes' },
  { route: 'delegatePowers', token: () => as.admin, body: { decisionRef: 'R', effectiveOn: '2025-07-01', codes: ['CM-0001'], streets: ['S03'] }, field: 'body.streets.0' },
  { route: 'delegatePowers', token: () => as.admin, body: { effectiveOn: '2025-07-01', codes: ['CM-0001'], streets: ['D01/S03'] }, field: 'body.decisionRef' },
  { route: 'listDelegations', token: () => as.admin, query: 'district=D01/S03', field: 'query.district' },
  { route: 'getDelegation', token: () => as.admin, path: '/authority/delegations/nope', field: 'path.id' },
  { route: 'revokeDelegation', token: () => as.admin, body: { from: 'tomorrow', reason: 'x' }, field: 'body.from' },
  { route: 'revokeDelegation', token: () => as.admin, body: { from: '2026-01-01', reason: ' ' }, field: 'body.reason' },
  { route: 'streetPowers', token: () => '', path: '/authority/streets/S03/powers', field: 'path.street' },
  { route: 'streetPowers', token: () => '', query: 'on=2025-13-01', field: 'query.on' },
  { route: 'streetPowers', token: () => '', query: 'limit=2.5', field: 'query.limit' },
  { route: 'requestEvaluation', token: () => as.market, body: { ...evaluationBody, units: [] }, field: 'body.units' },
  { route: 'requestEvaluation', token: () => as.market, body: { ...evaluationBody, period: '2025-Q5' }, field: 'body.period' },
  { route: 'requestEvaluation', token: () => as.market, body: { ...evaluationBody, units: [{ street: 'D01/S03' }] }, field: 'body.units.0.name' },
  { route: 'requestEvaluation', token: () => as.market, body: { ...evaluationBody, units: manyStreets }, field: 'body.units' },
  { route: 'getEvaluation', token: () => as.market, path: '/authority/evaluations/nope', field: 'path.id' },
  { route: 'listOpinionRequests', token: () => as.s03, query: 'status=open', field: 'query.status' },
  { route: 'listOpinionRequests', token: () => as.s03, query: 'cursor=bm90LWEtY3Vyc29y', field: 'query.cursor' },
  { route: 'giveOpinion', token: () => as.s03, body: { rating: 'great', text: 'x' }, field: 'body.rating' },
  { route: 'giveOpinion', token: () => as.s03, body: { rating: 'good', text: '   ' }, field: 'body.text' },
  { route: 'finalizeEvaluation', token: () => as.market, body: {}, field: 'body.conclusion' },
  { route: 'assessStationedStaff', token: () => as.s03, body: { ...assessment, score: 101 }, field: 'body.score' },
  { route: 'assessStationedStaff', token: () => as.s03, body: { ...assessment, score: 85.5 }, field: 'body.score' },
  { route: 'assessStationedStaff', token: () => as.s03, body: { ...assessment, staffId: 'a b' }, field: 'body.staffId' },
  { route: 'assessStationedStaff', token: () => as.s03, body: { ...assessment, department: undefined }, field: 'body.department' },
  { route: 'assessOwnStaff', token: () => as.market, body: { staffId: 'STAFF-1', period: '2025', score: 80, comment: 'Good.' }, field: 'body.street' },
  { route: 'doubleAssessment', token: () => as.market, query: '', field: 'query.staffId' },
  { route: 'listConsents', token: () => as.s03, query: 'status=late', field: 'query.status' },
];

describe('bad input', () => {
  for (const c of badInput) {
    const route = routes[c.route];
    it(`${route.method} ${route.path}: ${c.field} → 400 naming it, nothing written`, async () => {
      await writesNothing(async () => {
        const path = `${c.path ?? pathOf(route.path)}${c.query !== undefined ? `?${c.query}` : ''}`;
        const token = c.token();
        const response = await t.api(route.method, path, { ...(token ? { token } : {}), ...(c.body !== undefined ? { body: c.body } : {}) });
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        expect(fieldsOf(response.body)).toContain(c.field);
      });
    });
  }
});

const forbidden: Array<{ rule: string; route: keyof typeof routes; token: () => string; body: unknown }> = [
  { rule: 'a district-admin group at street level cannot keep the catalog', route: 'addPower', token: () => as.streetLevelAdmin, body: power('CM-0009') },
  { rule: 'a department cannot keep the catalog', route: 'addPower', token: () => as.market, body: power('CM-0009') },
  { rule: 'another district’s office cannot delegate to these streets', route: 'delegatePowers', token: () => as.otherDistrictAdmin, body: { decisionRef: 'D02-X', effectiveOn: '2025-07-01', codes: ['CM-0001'], streets: ['D01/S04'] } },
  { rule: 'a street-level admin cannot delegate to another street', route: 'delegatePowers', token: () => as.streetLevelAdmin, body: { decisionRef: 'S03-X', effectiveOn: '2025-07-01', codes: ['CM-0001'], streets: ['D01/S04'] } },
  { rule: 'another district’s office cannot revoke', route: 'revokeDelegation', token: () => as.otherDistrictAdmin, body: { from: '2026-01-01', reason: 'x' } },
  { rule: 'a department of another district cannot evaluate these streets', route: 'requestEvaluation', token: () => as.otherDistrictMarket, body: evaluationBody },
  { rule: 'a committee cannot give another street’s opinion', route: 'giveOpinion', token: () => as.s04, body: { rating: 'poor', text: 'x', street: 'D01/S03' } },
  { rule: 'a committee the evaluation does not ask has no say', route: 'giveOpinion', token: () => as.s09, body: { rating: 'poor', text: 'x' } },
  { rule: 'another department cannot finalize the evaluation', route: 'finalizeEvaluation', token: () => as.sanitation, body: { conclusion: 'x' } },
  { rule: 'a committee cannot assess for another street', route: 'assessStationedStaff', token: () => as.s04, body: { ...assessment, street: 'D01/S03' } },
  { rule: 'a department cannot assess staff in another district', route: 'assessOwnStaff', token: () => as.otherDistrictMarket, body: { staffId: 'STAFF-1', street: 'D01/S03', period: '2025', score: 1, comment: 'x' } },
  { rule: 'a committee cannot decide another street’s consent case', route: 'recordConsentDecision', token: () => as.s04, body: { decision: 'granted', writtenOpinion: 'x' } },
  { rule: 'a resident cannot give a street’s opinion', route: 'giveOpinion', token: () => as.resident, body: { rating: 'good', text: 'x' } },
];

describe('another street or department: 403 on every write route', () => {
  for (const c of forbidden) {
    const route = routes[c.route];
    it(`${route.method} ${route.path}: ${c.rule}`, async () => {
      await writesNothing(async () => {
        const response = await t.api(route.method, pathOf(route.path), { token: c.token(), body: c.body });
        expect(response.status).toBe(403);
        expect(response.body.type).toMatch(/forbidden$/);
      });
    });
  }

  it('every write route of the table has a 403 case above', () => {
    const writes = Object.entries(routes).filter(([, r]) => r.method !== 'GET').map(([name]) => name);
    expect(writes.filter((name) => !forbidden.some((c) => c.route === name))).toEqual([]);
  });
});
