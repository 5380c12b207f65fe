import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../infra/local/wait.ts';
import { funding } from '../services/funding/service.ts';
import { startTestCloud, type TestCloud } from './support/cloud.ts';
import { created, fundingTokens, meetingAsks, poolBody, publishedWhere, remediationAsks, requestFor, type FundingTokens } from './support/funding.ts';

/**
 * Requests for money arrive as events (FundingRequested from coordination, RemediationFundingRequested
 * from premises) and are answered by finance's decision, on the bus, with the asking event's
 * correlation id. The bus delivers every event twice here, so each consumer gets each event twice.
 */
/** Many calls through the whole local cloud: room to finish on a 2-core machine other test runs are loading too (no timing is asserted). */
const HEAVY_TEST_TIMEOUT_MS = 120_000;
let t: TestCloud;
let as: FundingTokens;
let poolId: string;

beforeAll(async () => {
  t = await startTestCloud({ services: [funding], deliveryCopies: 2 });
  as = await fundingTokens(t);
  poolId = (await created(t, '/funding/pools', as.finance, poolBody('D01/S03', 2026, [1_000_000]))).id;
});
afterAll(() => t?.stop());

const drained = () => waitFor('the bus to drain', async () => ((await t.cloud.bus.isDrained()) ? true : undefined));
const requestsFor = async (ref: string) => {
  const lists = await Promise.all(
    ['open', 'approved', 'declined'].map((status) => t.api('GET', `/funding/requests?status=${status}&limit=100`, { token: as.finance })),
  );
  return lists.flatMap((l) => l.body.items as Array<Record<string, any>>).filter((r) => r.ref === ref);
};

describe('requests arriving as events', { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it('a redelivered FundingRequested opens one request, not two, and FundingRequestOpened is emitted once', async () => {
    const asks = meetingAsks(50_000);
    await t.cloud.bus.putEvents([asks]);
    await t.cloud.bus.putEvents([asks]); // the same event (same eventId) again: four deliveries in all

    const request = await requestFor(t, as.finance, asks.detail.data.decisionId);
    await drained();

    expect(request).toMatchObject({ kind: 'FundingRequested', street: 'D01/S03', amountFen: 50_000, status: 'open', details: { ownerDepartment: 'housing' } });
    expect(await requestsFor(asks.detail.data.decisionId)).toHaveLength(1);
    await publishedWhere(t, 'FundingRequestOpened', (d) => d.request.ref === asks.detail.data.decisionId);
    expect(t.published.filter((e) => e['detail-type'] === 'FundingRequestOpened' && JSON.stringify(e.detail).includes(asks.detail.data.decisionId))).toHaveLength(1);
  });

  it('the same decision asked again under a new event id still opens one request', async () => {
    const first = meetingAsks(10_000);
    const second = meetingAsks(10_000, 'D01/S03', first.detail.data.decisionId);

    await t.cloud.bus.putEvents([first, second]);
    await requestFor(t, as.finance, first.detail.data.decisionId);
    await drained();

    expect(await requestsFor(first.detail.data.decisionId)).toHaveLength(1);
  });
});

describe('deciding a request', { timeout: HEAVY_TEST_TIMEOUT_MS }, () => {
  it('approval allocates from the pool → FundsAllocated naming the request, with the asking event’s correlation id', async () => {
    const asks = remediationAsks(120_000, 'D01/S03/C07');
    await t.cloud.bus.putEvents([asks]);
    const request = await requestFor(t, as.finance, asks.detail.data.remediationId);

    const decided = await t.api('POST', `/funding/requests/${request.id}/decision`, { token: as.finance, body: { decision: 'approve', poolId } });

    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'approved', grantedFen: 120_000, decidedBy: 'finance-d01', allocation: { community: 'D01/S03/C07', amountFen: 120_000 } });
    const answer = await publishedWhere(t, 'FundsAllocated', (d) => d.request?.requestId === request.id);
    expect(answer.detail).toMatchObject({
      metadata: { correlationId: asks.detail.metadata.correlationId, causationId: asks.detail.metadata.eventId },
      data: { request: { kind: 'RemediationFundingRequested', ref: asks.detail.data.remediationId }, recipient: 'D01/S03/C07', amountFen: 120_000 },
    });
  });

  it('a decline → FundingDeclined with the reason and the asking event’s correlation id; a second decision is 409', async () => {
    const asks = meetingAsks(70_000);
    await t.cloud.bus.putEvents([asks]);
    const request = await requestFor(t, as.finance, asks.detail.data.decisionId);

    const declined = await t.api('POST', `/funding/requests/${request.id}/decision`, { token: as.finance, body: { decision: 'decline', reason: 'Covered by the housing department' } });
    const again = await t.api('POST', `/funding/requests/${request.id}/decision`, { token: as.finance, body: { decision: 'approve', poolId } });

    expect([declined.status, again.status]).toEqual([200, 409]);
    const answer = await publishedWhere(t, 'FundingDeclined', (d) => d.request.requestId === request.id);
    expect(answer.detail).toMatchObject({
      metadata: { correlationId: asks.detail.metadata.correlationId },
      data: { reason: 'Covered by the housing department', amountFen: 70_000, request: { kind: 'FundingRequested', ref: asks.detail.data.decisionId } },
    });
  });

  it('approval from a pool too small is 409 and leaves the request open; from another street’s pool 422', async () => {
    const small = await created(t, '/funding/pools', as.finance, poolBody('D01/S03', 2026, [10]));
    const elsewhere = await created(t, '/funding/pools', as.finance, poolBody('D01/S04', 2026, [1_000_000]));
    const asks = meetingAsks(5_000);
    await t.cloud.bus.putEvents([asks]);
    const request = await requestFor(t, as.finance, asks.detail.data.decisionId);

    const tooSmall = await t.api('POST', `/funding/requests/${request.id}/decision`, { token: as.finance, body: { decision: 'approve', poolId: small.id } });
    const otherStreet = await t.api('POST', `/funding/requests/${request.id}/decision`, { token: as.finance, body: { decision: 'approve', poolId: elsewhere.id } });

    expect([tooSmall.status, otherStreet.status]).toEqual([409, 422]);
    expect(otherStreet.body.errors).toEqual([{ field: 'body.poolId', message: 'not a pool of D01/S03' }]);
    expect((await t.api('GET', `/funding/requests/${request.id}`, { token: as.finance })).body.status).toBe('open');
  });

  it('finance of another district neither lists nor decides the request (403)', async () => {
    const asks = meetingAsks(1_000);
    await t.cloud.bus.putEvents([asks]);
    const request = await requestFor(t, as.finance, asks.detail.data.decisionId);

    const list = await t.api('GET', '/funding/requests?district=D01', { token: as.financeD02 });
    const decide = await t.api('POST', `/funding/requests/${request.id}/decision`, { token: as.financeD02, body: { decision: 'decline', reason: 'x' } });

    expect([list.status, decide.status]).toEqual([403, 403]);
  });
});
