import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { funding } from '../services/funding/service.ts';
import { inParallel } from './support/authority.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { created, fundingTokens, meetingAsks, poolBody, requestFor, type FundingTokens } from './support/funding.ts';

/** Many callers at once through the local gateway: the transaction's conditions keep every account whole (50 allocations over one pool: test/races.test.ts). */
/** Many calls through the whole local cloud: room to finish on a 2-core machine other test runs are loading too (no timing is asserted). */
const HEAVY_TEST_TIMEOUT_MS = 120_000;
let t: TestCloud;
let as: FundingTokens;

beforeAll(async () => {
  t = await startTestCloud({ services: [funding] });
  as = await fundingTokens(t);
});
afterAll(() => t?.stop());

describe('other races', { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it('30 concurrent disbursements of 10,000 against an allocation of 100,000: 10 paid, 20 × 409', async () => {
    const pool = await created(t, '/funding/pools', as.finance, poolBody('D01/S03', 2028, [500_000]));
    const allocation = await created(t, `/funding/pools/${pool.id}/allocations`, as.finance, { amountFen: 100_000, purpose: 'x', community: 'D01/S03/C02' });

    const answers = await inParallel(Array.from({ length: 30 }, (_, i) => i), 30, (i) =>
      t.api('POST', `/funding/allocations/${allocation.id}/disbursements`, { token: as.officialS03, body: { amountFen: 10_000, voucherRef: `V-${i}` } }),
    );

    expect(answers.filter((a) => a.status === 201)).toHaveLength(10);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(20);
    const items = (await t.api('GET', `/funding/pools/${pool.id}/allocations`, { token: as.finance })).body.items;
    expect(items[0]).toMatchObject({ disbursedFen: 100_000, undisbursedFen: 0, disbursements: 10 });
  });

  it('20 concurrent decisions on one request: one 200, nineteen 409, one allocation', async () => {
    const pool = await created(t, '/funding/pools', as.finance, poolBody('D01/S03', 2029, [500_000]));
    const asks = meetingAsks(1_000);
    await t.cloud.bus.putEvents([asks]);
    const request = await requestFor(t, as.finance, asks.detail.data.decisionId);

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => t.api('POST', `/funding/requests/${request.id}/decision`, { token: as.finance, body: { decision: 'approve', poolId: pool.id } })),
    );

    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(19);
    expect((await t.api('GET', `/funding/pools/${pool.id}`, { token: as.finance })).body).toMatchObject({ allocatedFen: 1_000, allocations: 1 });
  });
});
