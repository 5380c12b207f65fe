import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteSpec } from '../kernel/routes.ts';
import { routes } from '../services/funding/routes.ts';
import { funding } from '../services/funding/service.ts';
import { fieldsOf } from './support/authority.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { budgetBody, created, fundingTokens, meetingAsks, poolBody, projectBody, requestFor, type FundingTokens } from './support/funding.ts';

/**
 * Every funding route, walked from its route table: no token is 401; bad input is 400 naming the
 * field (money above all: not a safe integer, negative, zero, a string, a fraction); a caller of
 * another street or district is 403; none of these writes anything.
 */
let t: TestCloud;
let as: FundingTokens;
let ids: { budget: string; pool: string; allocation: string; project: string; request: string };

beforeAll(async () => {
  t = await startTestCloud({ services: [funding] });
  as = await fundingTokens(t);
  const budget = await created(t, '/funding/budgets', as.finance, budgetBody('D01/S03', 2026));
  const pool = await created(t, '/funding/pools', as.finance, poolBody('D01/S03', 2026, [1_000_000]));
  const allocation = await created(t, `/funding/pools/${pool.id}/allocations`, as.finance, { amountFen: 1000, purpose: 'x', community: 'D01/S03/C01' });
  const project = await created(t, '/funding/projects', as.officialS03, projectBody('D01/S03', 2026, [100, 200]));
  await created(t, `/funding/projects/${project.id}/approve`, as.finance, undefined, 200);
  const asks = meetingAsks(5_000);
  await t.cloud.bus.putEvents([asks]);
  const request = await requestFor(t, as.finance, asks.detail.data.decisionId);
  ids = { budget: budget.id, pool: pool.id, allocation: allocation.id, project: project.id, request: request.id };
});
afterAll(() => t?.stop());

function pathOf(path: string): string {
  return path
    .replace('/budgets/{id}', `/budgets/${ids.budget}`)
    .replace('/pools/{id}', `/pools/${ids.pool}`)
    .replace('/allocations/{id}', `/allocations/${ids.allocation}`)
    .replace('/projects/{id}', `/projects/${ids.project}`)
    .replace('/requests/{id}', `/requests/${ids.request}`)
    .replace('{n}', '1')
    .replace('{street}', 'D01-S03');
}

async function writesNothing(act: () => Promise<void>): Promise<void> {
  const before = await t.count('funding');
  await act();
  expect(await t.count('funding')).toBe(before);
}

describe('tokens', () => {
  for (const [name, route] of Object.entries(routes) as Array<[string, RouteSpec]>) {
    it(`${route.method} ${route.path} (${name}) without a token is 401 and writes nothing`, async () => {
      await writesNothing(async () => {
        expect((await t.api(route.method, pathOf(route.path), route.body ? { body: {} } : {})).status).toBe(401);
      });
    });
  }
});

const NOT_SAFE = 2 ** 53;
const badAmounts: Array<[string, unknown]> = [
  ['not a safe integer', NOT_SAFE],
  ['negative', -5],
  ['zero', 0],
  ['a string', '100'],
  ['a float', 1.5],
];

type AmountCase = { route: keyof typeof routes; token: () => string; body: (amount: unknown) => unknown; field: string };
const amountFields: AmountCase[] = [
  { route: 'approveBudget', token: () => as.finance, body: (a) => budgetBody('D01/S09', 2026, { personnel: 1, operations: a as number }), field: 'body.categories.operations' },
  { route: 'createPool', token: () => as.finance, body: (a) => ({ ...poolBody(), lines: [{ program: 'P', department: 'housing', amountFen: a }] }), field: 'body.lines.0.amountFen' },
  { route: 'allocate', token: () => as.finance, body: (a) => ({ amountFen: a, purpose: 'x', community: 'D01/S03/C01' }), field: 'body.amountFen' },
  { route: 'disburse', token: () => as.officialS03, body: (a) => ({ amountFen: a, voucherRef: 'V-9' }), field: 'body.amountFen' },
  { route: 'proposeProject', token: () => as.officialS03, body: (a) => ({ ...projectBody(), budgetFen: a }), field: 'body.budgetFen' },
  { route: 'proposeProject', token: () => as.officialS03, body: (a) => ({ ...projectBody(), milestones: [{ name: 'M', amountFen: a }] }), field: 'body.milestones.0.amountFen' },
  { route: 'decideRequest', token: () => as.finance, body: (a) => ({ decision: 'approve', poolId: ids.pool, amountFen: a }), field: 'body.amountFen' },
];

describe('money that is not a whole, positive, safe number of fen is 400 with the field named', () => {
  for (const { route, token, body, field } of amountFields) {
    for (const [what, amount] of badAmounts) {
      it(`${routes[route].method} ${routes[route].path}: ${field} ${what} → 400 naming ${field}`, async () => {
        await writesNothing(async () => {
          const response = await t.api(routes[route].method, pathOf(routes[route].path), { token: token(), body: body(amount) });
          expect(response.status).toBe(400);
          expect(response.headers.get('content-type')).toBe('application/problem+json');
          expect(fieldsOf(response.body)).toContain(field);
        });
      });
    }
  }

  for (const [what, delta] of [['not a safe integer', -NOT_SAFE], ['zero', 0], ['a string', '-100'], ['a float', -0.5]] as const) {
    it(`an adjustment's deltaFen ${what} → 400 naming body.deltaFen`, async () => {
      await writesNothing(async () => {
        const response = await t.api('POST', `/funding/budgets/${ids.budget}/adjustments`, {
          token: as.finance,
          body: { category: 'operations', deltaFen: delta, reason: 'x' },
        });
        expect(response.status).toBe(400);
        expect(fieldsOf(response.body)).toEqual(['body.deltaFen']);
      });
    });
  }
});

type Case = { route: keyof typeof routes; token: () => string; path?: string; query?: string; body?: unknown; field: string };
const badInput: Case[] = [
  { route: 'approveBudget', token: () => as.finance, body: { street: 'D01/S09', year: 2026, categories: {} }, field: 'body.categories' },
  { route: 'approveBudget', token: () => as.finance, body: { street: 'D01/S09', year: 2026, categories: { travel: 5 } }, field: 'body.categories.travel' },
  { route: 'approveBudget', token: () => as.finance, body: { ...budgetBody('S09'), street: 'S09' }, field: 'body.street' },
  { route: 'adjustBudget', token: () => as.finance, body: { category: 'operations', deltaFen: 5, reason: '  ' }, field: 'body.reason' },
  { route: 'adjustBudget', token: () => as.finance, path: '/funding/budgets/nope/adjustments', body: { category: 'operations', deltaFen: 5, reason: 'x' }, field: 'path.id' },
  { route: 'createPool', token: () => as.finance, body: { ...poolBody(), lines: [] }, field: 'body.lines' },
  { route: 'createPool', token: () => as.finance, body: { ...poolBody(), lines: [{ program: 'P', department: 'Civil Affairs', amountFen: 5 }] }, field: 'body.lines.0.department' },
  { route: 'createPool', token: () => as.finance, body: { ...poolBody('D01/S03', 2026, [5, 5]), lines: [{ program: 'P', department: 'housing', amountFen: 5 }, { program: 'P', department: 'housing', amountFen: 5 }] }, field: 'body.lines.1.program' },
  { route: 'allocate', token: () => as.finance, body: { amountFen: 5, purpose: 'x' }, field: 'body.community' },
  { route: 'allocate', token: () => as.finance, body: { amountFen: 5, purpose: 'x', community: 'D01/S03' }, field: 'body.community' },
  { route: 'allocate', token: () => as.finance, path: '/funding/pools/nope/allocations', body: { amountFen: 5, purpose: 'x', community: 'D01/S03/C01' }, field: 'path.id' },
  { route: 'disburse', token: () => as.officialS03, body: { amountFen: 5 }, field: 'body.voucherRef' },
  { route: 'proposeProject', token: () => as.officialS03, body: { ...projectBody(), budgetFen: 999 }, field: 'body.milestones' },
  { route: 'proposeProject', token: () => as.officialS03, body: { ...projectBody(), category: 'roads' }, field: 'body.category' },
  { route: 'completeMilestone', token: () => as.officialS03, path: `/funding/projects/{id}/milestones/0/complete`, body: { note: 'x' }, field: 'path.n' },
  { route: 'completeMilestone', token: () => as.officialS03, body: {}, field: 'body.note' },
  { route: 'listRequests', token: () => as.finance, query: 'status=pending', field: 'query.status' },
  { route: 'listRequests', token: () => as.finance, query: 'limit=0', field: 'query.limit' },
  { route: 'decideRequest', token: () => as.finance, body: { decision: 'maybe' }, field: 'body.decision' },
  { route: 'decideRequest', token: () => as.finance, body: { decision: 'decline' }, field: 'body.reason' },
  { route: 'decideRequest', token: () => as.finance, body: { decision: 'approve' }, field: 'body.poolId' },
  { route: 'streetSummary', token: () => as.finance, path: '/funding/streets/S03/summary', field: 'path.street' },
  { route: 'streetSummary', token: () => as.finance, query: 'year=26', field: 'query.year' },
];

describe('bad input', () => {
  for (const c of badInput) {
    it(`${routes[c.route].method} ${routes[c.route].path}: bad ${c.field} → 400 naming it`, async () => {
      await writesNothing(async () => {
        const path = pathOf(c.path ?? routes[c.route].path) + (c.query ? `?${c.query}` : '');
        const response = await t.api(routes[c.route].method, path, { token: c.token(), ...(c.body !== undefined ? { body: c.body } : {}) });
        expect(response.status).toBe(400);
        expect(fieldsOf(response.body)).toContain(c.field);
      });
    });
  }
});

type Refusal = { route: keyof typeof routes; token: () => string; body?: unknown; who: string };
const refusals: Refusal[] = [
  { route: 'getPool', token: () => as.officialS04, who: 'a street official of another street' },
  { route: 'listAllocations', token: () => as.officialS04, who: 'a street official of another street' },
  { route: 'allocate', token: () => as.officialS04, body: { amountFen: 5, purpose: 'x', community: 'D01/S03/C01' }, who: 'a street official of another street' },
  { route: 'streetSummary', token: () => as.officialS04, who: 'a street official of another street' },
  { route: 'disburse', token: () => as.officialS04, body: { amountFen: 5, voucherRef: 'V-403' }, who: 'a street official of another street' },
  { route: 'proposeProject', token: () => as.officialS04, body: projectBody('D01/S03'), who: 'a street official of another street' },
  { route: 'getProject', token: () => as.officialS04, who: 'a street official of another street' },
  { route: 'completeMilestone', token: () => as.officialS04, body: { note: 'x' }, who: 'a street official of another street' },
  { route: 'approveBudget', token: () => as.financeD02, body: budgetBody('D01/S09'), who: 'finance of another district' },
  { route: 'adjustBudget', token: () => as.financeD02, body: { category: 'operations', deltaFen: 5, reason: 'x' }, who: 'finance of another district' },
  { route: 'createPool', token: () => as.financeD02, body: poolBody('D01/S09'), who: 'finance of another district' },
  { route: 'approveProject', token: () => as.financeD02, who: 'finance of another district' },
  { route: 'delegateProject', token: () => as.financeD02, who: 'finance of another district' },
  { route: 'getRequest', token: () => as.financeD02, who: 'finance of another district' },
  { route: 'approveBudget', token: () => as.officialS03, body: budgetBody('D01/S03', 2031), who: 'a street official (finance’s route)' },
  { route: 'approveProject', token: () => as.officialS03, who: 'a street official (finance’s route)' },
  { route: 'decideRequest', token: () => as.officialS03, body: { decision: 'decline', reason: 'x' }, who: 'a street official (finance’s route)' },
  { route: 'listRequests', token: () => as.resident, who: 'a resident' },
  { route: 'disburse', token: () => as.finance, body: { amountFen: 5, voucherRef: 'V-F' }, who: 'finance (the street pays out)' },
  { route: 'health', token: () => as.finance, who: 'finance (operators only)' },
];

describe('refusals', () => {
  for (const r of refusals) {
    it(`${routes[r.route].method} ${routes[r.route].path} by ${r.who} is 403 and writes nothing`, async () => {
      await writesNothing(async () => {
        const response = await t.api(routes[r.route].method, pathOf(routes[r.route].path), { token: r.token(), ...(r.body !== undefined ? { body: r.body } : {}) });
        expect(response.status).toBe(403);
        expect(response.body.type).toMatch(/forbidden$/);
      });
    });
  }

  it('the street official of the pool’s own street reads it; the operator reads health', async () => {
    expect((await t.api('GET', `/funding/pools/${ids.pool}`, { token: as.officialS03 })).status).toBe(200);
    expect((await t.api('GET', '/funding/health', { token: as.operator })).status).toBe(200);
  });
});

describe('unknown subjects', () => {
  it('an unknown pool, allocation, project, request or budget is 404 with a problem body', async () => {
    const unknown = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
    const answers = await Promise.all([
      t.api('GET', `/funding/pools/${unknown}`, { token: as.finance }),
      t.api('POST', `/funding/allocations/${unknown}/disbursements`, { token: as.officialS03, body: { amountFen: 1, voucherRef: 'V' } }),
      t.api('POST', `/funding/projects/${unknown}/approve`, { token: as.finance }),
      t.api('GET', `/funding/requests/${unknown}`, { token: as.finance }),
      t.api('POST', '/funding/budgets/D01-S03-2099/adjustments', { token: as.finance, body: { category: 'operations', deltaFen: 5, reason: 'x' } }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404]);
  });
});
