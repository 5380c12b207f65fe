import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { funding } from '../services/funding/service.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { budgetBody, created, fundingTokens, poolBody, projectBody, publishedWhere, type FundingTokens } from './support/funding.ts';

/** The ledger end to end through the local gateway, relay and bus: every figure adds up. */
let t: TestCloud;
let as: FundingTokens;

beforeAll(async () => {
  t = await startTestCloud({ services: [funding] });
  as = await fundingTokens(t);
});
afterAll(() => t?.stop());

describe('budget → pool → allocation → disbursement → summary', () => {
  it('the street summary adds up after each step', async () => {
    const budget = await created(t, '/funding/budgets', as.finance, budgetBody('D01/S03', 2026));
    const pool = await created(t, '/funding/pools', as.finance, poolBody('D01/S03', 2026, [600_000, 400_000]));
    const allocation = await created(t, `/funding/pools/${pool.id}/allocations`, as.officialS03, {
      amountFen: 250_000,
      purpose: 'Chairs and a projector for the C07 meeting room',
      community: 'D01/S03/C07',
    });
    await created(t, `/funding/pools/${pool.id}/allocations`, as.finance, { amountFen: 100_000, purpose: 'Elderly meals', community: 'D01/S03/C01' });
    const paid = await created(t, `/funding/allocations/${allocation.id}/disbursements`, as.officialS03, { amountFen: 90_000, voucherRef: 'S03-2026-0001' });
    await created(t, `/funding/allocations/${allocation.id}/disbursements`, as.officialS03, { amountFen: 60_000, voucherRef: 'S03-2026-0002', note: 'projector' });

    const summary = await t.api('GET', '/funding/streets/D01-S03/summary?year=2026', { token: as.officialS03 });

    expect(budget.id).toBe('D01-S03-2026');
    expect(paid).toMatchObject({ amountFen: 90_000, paidBy: 'official-s03', voucherRef: 'S03-2026-0001' });
    expect(summary.status).toBe(200);
    expect(summary.body.budget.totals).toEqual({ budgetedFen: 23_000_000, committedFen: 0, disbursedFen: 0, remainingFen: 23_000_000 });
    expect(summary.body.items).toEqual([
      { ...pool, totalFen: 1_000_000, allocatedFen: 350_000, remainingFen: 650_000, disbursedFen: 150_000, allocations: 2 },
    ]);
    expect(summary.body.budget).toEqual({ ...budget, totals: summary.body.budget.totals, categories: summary.body.budget.categories });
    const allocations = await t.api('GET', `/funding/pools/${pool.id}/allocations`, { token: as.finance });
    expect(allocations.body.items.map((a: any) => [a.amountFen, a.disbursedFen, a.undisbursedFen])).toEqual([
      [250_000, 150_000, 100_000],
      [100_000, 0, 100_000],
    ]);
    await publishedWhere(t, 'DisbursementRecorded', (d) => d.allocationId === allocation.id && d.amountFen === 60_000);
  });

  it('a second budget for the same street and year is 409 and writes nothing', async () => {
    await created(t, '/funding/budgets', as.finance, budgetBody('D01/S05', 2026));
    const before = await t.count('funding');

    const again = await t.api('POST', '/funding/budgets', { token: as.finance, body: budgetBody('D01/S05', 2026) });

    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    expect(await t.count('funding')).toBe(before);
  });

  it('an allocation over the pool’s remainder is 409; exactly the remainder is 201', async () => {
    const pool = await created(t, '/funding/pools', as.finance, poolBody('D01/S03', 2027, [1000]));

    const over = await t.api('POST', `/funding/pools/${pool.id}/allocations`, { token: as.finance, body: { amountFen: 1001, purpose: 'x', community: 'D01/S03/C02' } });
    const exact = await t.api('POST', `/funding/pools/${pool.id}/allocations`, { token: as.finance, body: { amountFen: 1000, purpose: 'x', community: 'D01/S03/C02' } });

    expect([over.status, exact.status]).toEqual([409, 201]);
  });

  it('a disbursement over what is left of the allocation is 409; the same voucher twice is 409', async () => {
    const pool = await created(t, '/funding/pools', as.finance, poolBody('D01/S03', 2028, [5000]));
    const allocation = await created(t, `/funding/pools/${pool.id}/allocations`, as.finance, { amountFen: 3000, purpose: 'x', community: 'D01/S03/C03' });
    await created(t, `/funding/allocations/${allocation.id}/disbursements`, as.officialS03, { amountFen: 2000, voucherRef: 'V-1' });

    const over = await t.api('POST', `/funding/allocations/${allocation.id}/disbursements`, { token: as.officialS03, body: { amountFen: 1001, voucherRef: 'V-2' } });
    const twice = await t.api('POST', `/funding/allocations/${allocation.id}/disbursements`, { token: as.officialS03, body: { amountFen: 1, voucherRef: 'V-1' } });

    expect([over.status, twice.status]).toEqual([409, 409]);
    expect(twice.body.detail).toContain('Voucher V-1');
  });
});

describe('adjustments and capital projects', () => {
  it('a project commits against capital-projects; a cut below the commitment is 409; milestones pay it out', async () => {
    const budget = await created(t, '/funding/budgets', as.finance, budgetBody('D01/S04', 2026, { 'capital-projects': 1_000_000 }));
    const project = await created(t, '/funding/projects', as.officialS04, projectBody('D01/S04', 2026, [300_000, 500_000]));

    const approved = await t.api('POST', `/funding/projects/${project.id}/approve`, { token: as.finance });
    const cut = await t.api('POST', `/funding/budgets/${budget.id}/adjustments`, {
      token: as.finance,
      body: { category: 'capital-projects', deltaFen: -200_001, reason: 'Mid-year review' },
    });
    const allowedCut = await t.api('POST', `/funding/budgets/${budget.id}/adjustments`, {
      token: as.finance,
      body: { category: 'capital-projects', deltaFen: -200_000, reason: 'Mid-year review' },
    });
    const delegated = await t.api('POST', `/funding/projects/${project.id}/delegate`, { token: as.finance });
    const first = await t.api('POST', `/funding/projects/${project.id}/milestones/1/complete`, { token: as.officialS04, body: { note: 'Design accepted' } });
    const again = await t.api('POST', `/funding/projects/${project.id}/milestones/1/complete`, { token: as.officialS04, body: { note: 'again' } });

    expect([approved.status, cut.status, allowedCut.status, delegated.status, first.status, again.status]).toEqual([200, 409, 200, 200, 200, 409]);
    expect(allowedCut.body).toMatchObject({ deltaFen: -200_000, reason: 'Mid-year review', adjustedBy: 'finance-d01' });
    expect(first.body).toMatchObject({ status: 'delegated', disbursedFen: 300_000, milestones: [{ n: 1, status: 'completed', completedBy: 'official-s04' }, { n: 2, status: 'pending' }] });
    const summary = await t.api('GET', '/funding/streets/D01-S04/summary?year=2026', { token: as.finance });
    expect(summary.body.budget.categories['capital-projects']).toEqual({ budgetedFen: 800_000, committedFen: 800_000, disbursedFen: 300_000, remainingFen: 0 });
    await publishedWhere(t, 'ProjectDelegated', (d) => d.projectId === project.id && d.budgetFen === 800_000 && d.street === 'D01/S04');
    await publishedWhere(t, 'DisbursementRecorded', (d) => d.projectId === project.id && d.milestone === 1 && d.amountFen === 300_000);
    await publishedWhere(t, 'BudgetAdjusted', (d) => d.budgetId === budget.id && d.deltaFen === -200_000 && d.reason === 'Mid-year review');
  });

  it('approval over the capital-projects budget is 409, and without a budget for the year too', async () => {
    await created(t, '/funding/budgets', as.finance, budgetBody('D01/S06', 2026, { 'capital-projects': 500_000 }));
    const official = await t.token({ sub: 'official-s06', roles: ['street-official'], jurisdiction: 'D01/S06' });
    const tooBig = await created(t, '/funding/projects', official, projectBody('D01/S06', 2026, [500_001]));
    const noBudget = await created(t, '/funding/projects', official, projectBody('D01/S06', 2030, [1]));

    const over = await t.api('POST', `/funding/projects/${tooBig.id}/approve`, { token: as.finance });
    const none = await t.api('POST', `/funding/projects/${noBudget.id}/approve`, { token: as.finance });

    expect([over.status, none.status]).toEqual([409, 409]);
    expect(none.body.detail).toContain('no approved budget for 2030');
  });

  it('a milestone before approval is 409; a project is delegated only once approved', async () => {
    const project = await created(t, '/funding/projects', as.officialS03, projectBody('D01/S03', 2026, [100]));

    const early = await t.api('POST', `/funding/projects/${project.id}/milestones/1/complete`, { token: as.officialS03, body: { note: 'done' } });
    const delegated = await t.api('POST', `/funding/projects/${project.id}/delegate`, { token: as.finance });

    expect([early.status, delegated.status]).toEqual([409, 409]);
  });

  it('a milestone of a project approved but not yet delegated to its town is 409 and pays nothing; after delegation it is paid', async () => {
    await created(t, '/funding/budgets', as.finance, budgetBody('D01/S07', 2026, { 'capital-projects': 1_000 }));
    const official = await t.token({ sub: 'official-s07', roles: ['street-official'], jurisdiction: 'D01/S07' });
    const project = await created(t, '/funding/projects', official, projectBody('D01/S07', 2026, [400, 600]));
    await created(t, `/funding/projects/${project.id}/approve`, as.finance, undefined, 200);

    const beforeDelegation = await t.api('POST', `/funding/projects/${project.id}/milestones/1/complete`, { token: official, body: { note: 'Design accepted' } });
    const unpaid = await t.api('GET', '/funding/streets/D01-S07/summary?year=2026', { token: official });
    await created(t, `/funding/projects/${project.id}/delegate`, as.finance, undefined, 200);
    const afterDelegation = await t.api('POST', `/funding/projects/${project.id}/milestones/1/complete`, { token: official, body: { note: 'Design accepted' } });

    expect(beforeDelegation.status).toBe(409);
    expect(beforeDelegation.body.detail).toContain('not yet delegated');
    expect(unpaid.body.budget.categories['capital-projects']).toMatchObject({ committedFen: 1_000, disbursedFen: 0 });
    expect(afterDelegation.status).toBe(200);
    expect(afterDelegation.body).toMatchObject({ status: 'delegated', disbursedFen: 400 });
    expect(afterDelegation.body).not.toHaveProperty('version');
  });
});
