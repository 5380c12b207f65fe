import { describe, expect, it } from 'vitest';
import { ConflictError, UnprocessableError } from '../../../kernel/errors.ts';
import { causeAt, pool } from '../testing.ts';
import { allocateFromPool, createPool, recordDisbursement } from './domain.ts';

const official = causeAt('2026-04-01T01:00:00.000Z', 'official-s03', ['street-official'], 'D01/S03');

describe('a fund pool', () => {
  it('bundles the lines of several departments; its total is their sum and all of it remains', () => {
    const { pool: created, events } = createPool(
      {
        id: '01JPOOL0000000000000000009',
        street: 'D01/S03',
        year: 2026,
        name: 'Resident services',
        lines: [
          { program: 'Elderly meals', department: 'civil-affairs', amountFen: 250_000 },
          { program: 'Green spaces', department: 'housing', amountFen: 750_000 },
        ],
      },
      causeAt(),
    );

    expect(created).toMatchObject({ totalFen: 1_000_000, allocatedFen: 0, remainingFen: 1_000_000, createdBy: 'finance-d01' });
    expect(events[0]!.detailType).toBe('PoolCreated');
  });
});

describe('allocating from a pool', () => {
  it('to a community of its street → FundsAllocated in the pool’s history', () => {
    const { allocation, events } = allocateFromPool(pool(), { id: 'A1', amountFen: 400, purpose: 'Meeting room chairs', community: 'D01/S03/C07' }, official);

    expect(allocation).toMatchObject({ recipient: 'D01/S03/C07', amountFen: 400, undisbursedFen: 400, allocatedBy: 'official-s03' });
    expect(events[0]).toMatchObject({ detailType: 'FundsAllocated', aggregate: 'POOL#01JPOOL0000000000000000001' });
  });

  it('exactly what is left is allowed; one fen more is 409', () => {
    const small = pool({ remainingFen: 400 });

    expect(() => allocateFromPool(small, { id: 'A', amountFen: 400, purpose: 'x', community: 'D01/S03/C01' }, official)).not.toThrow();
    expect(() => allocateFromPool(small, { id: 'A', amountFen: 401, purpose: 'x', community: 'D01/S03/C01' }, official)).toThrow(ConflictError);
  });

  it('to a community of another street is 422', () => {
    expect(() => allocateFromPool(pool(), { id: 'A', amountFen: 1, purpose: 'x', community: 'D01/S04/C01' }, official)).toThrow(UnprocessableError);
  });
});

describe('disbursing against an allocation', () => {
  const { allocation } = allocateFromPool(pool(), { id: 'A1', amountFen: 400, purpose: 'Chairs', community: 'D01/S03/C07' }, official);

  it('records the payment under its voucher → DisbursementRecorded naming the allocation', () => {
    const { disbursement, events } = recordDisbursement(allocation, { id: 'D1', amountFen: 150, voucherRef: 'V-2026-001' }, official);

    expect(disbursement).toMatchObject({ amountFen: 150, voucherRef: 'V-2026-001', paidBy: 'official-s03', poolId: pool().id });
    expect(events[0]!.detail.data).toEqual({ disbursementId: 'D1', street: 'D01/S03', amountFen: 150, allocationId: 'A1' });
  });

  it('more than is left of the allocation is 409', () => {
    expect(() => recordDisbursement({ ...allocation, undisbursedFen: 100 }, { id: 'D', amountFen: 101, voucherRef: 'V' }, official)).toThrow(ConflictError);
  });
});
