import { describe, expect, it } from 'vitest';
import { ConflictError, UnprocessableError } from '../../../kernel/errors.ts';
import type { Metadata } from '../../../kernel/events.ts';
import { causeAt, pool } from '../testing.ts';
import { approveRequest, declineRequest, openFundingRequest } from './domain.ts';

const asking: Metadata = {
  eventId: 'EVT-ASK',
  schemaVersion: 1,
  occurredAt: '2026-03-01T00:00:00.000Z',
  correlationId: 'corr-of-the-meeting',
  actor: { sub: 'joint-meeting-office', roles: ['district-admin'] },
};
const consumer = { correlationId: 'corr-of-the-meeting', causationId: 'EVT-ASK', now: '2026-03-01T00:00:01.000Z', actor: { sub: 'five-haves.funding', roles: ['service'] } };
const open = () =>
  openFundingRequest(
    'R1',
    { kind: 'RemediationFundingRequested', ref: 'REM-7', street: 'D01/S03', community: 'D01/S03/C07', amountFen: 500, purpose: 'Rent a second room', details: { shortfallM2: 40 } },
    asking,
    'five-haves.premises',
    consumer,
  ).request;

describe('funding requests', () => {
  it('an asking event opens a request that remembers the event, its correlation and who asked', () => {
    expect(open()).toMatchObject({
      status: 'open',
      district: 'D01',
      asked: { eventId: 'EVT-ASK', correlationId: 'corr-of-the-meeting', by: 'joint-meeting-office', source: 'five-haves.premises' },
    });
  });

  it('approval allocates from the street’s pool; FundsAllocated names the request and carries its correlation id', () => {
    const change = approveRequest(open(), pool(), { allocationId: 'A1', poolId: pool().id }, causeAt());
    const [event] = change.allocation.events;

    expect(change.request).toMatchObject({ status: 'approved', grantedFen: 500, allocationId: 'A1', decidedBy: 'finance-d01' });
    expect(event!.detail.metadata).toMatchObject({ correlationId: 'corr-of-the-meeting', causationId: 'EVT-ASK', actor: { sub: 'finance-d01' } });
    expect(event!.detail.data).toMatchObject({
      recipient: 'D01/S03/C07',
      amountFen: 500,
      request: { requestId: 'R1', kind: 'RemediationFundingRequested', ref: 'REM-7' },
    });
  });

  it('approval from another street’s pool, or for more than asked, is 422; from a pool too small 409', () => {
    expect(() => approveRequest(open(), pool({ street: 'D01/S04' }), { allocationId: 'A', poolId: 'P' }, causeAt())).toThrow(UnprocessableError);
    expect(() => approveRequest(open(), pool(), { allocationId: 'A', poolId: 'P', amountFen: 501 }, causeAt())).toThrow(UnprocessableError);
    expect(() => approveRequest(open(), pool({ remainingFen: 499 }), { allocationId: 'A', poolId: 'P' }, causeAt())).toThrow(ConflictError);
  });

  it('a decline carries the reason and the request’s correlation id → FundingDeclined', () => {
    const { request, events } = declineRequest(open(), 'No pool money left this year', causeAt());

    expect(request).toMatchObject({ status: 'declined', reason: 'No pool money left this year' });
    expect(events[0]!.detail.metadata.correlationId).toBe('corr-of-the-meeting');
    expect(events[0]!.detail.data).toEqual({
      request: { requestId: 'R1', kind: 'RemediationFundingRequested', ref: 'REM-7' },
      street: 'D01/S03',
      amountFen: 500,
      reason: 'No pool money left this year',
    });
  });

  it('a second decision is 409', () => {
    const declined = declineRequest(open(), 'no', causeAt()).request;

    expect(() => declineRequest(declined, 'no again', causeAt())).toThrow(ConflictError);
    expect(() => approveRequest(declined, pool(), { allocationId: 'A', poolId: 'P' }, causeAt())).toThrow(ConflictError);
  });
});
