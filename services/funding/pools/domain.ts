import { ConflictError, UnprocessableError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import { covers } from '../../../kernel/jurisdiction.ts';
import { DisbursementRecorded, FundsAllocated, PoolCreated, type RequestOrigin } from '../../../contracts/funding.ts';
import { keys } from '../keys.ts';
import { safeSum } from '../money.ts';
import type * as z from 'zod/mini';

/** One program's money in a pool, and the department it comes from. */
export interface PoolLine {
  program: string;
  department: string;
  amountFen: number;
}

/**
 * A fund pool: the lines of several departments' programs bundled and sunk into a street's
 * communities for a fiscal year. An account: `remainingFen` = total − allocated, never below zero.
 */
export interface Pool {
  id: string;
  street: string;
  year: number;
  name: string;
  lines: PoolLine[];
  totalFen: number;
  allocatedFen: number;
  remainingFen: number;
  /** Paid out against its allocations. */
  disbursedFen: number;
  allocations: number;
  createdAt: string;
  createdBy: string;
}

/** Money of a pool set aside for a community or a project; paid out by disbursements up to its amount. */
export interface Allocation {
  id: string;
  poolId: string;
  street: string;
  year: number;
  recipient: string;
  community?: string;
  projectId?: string;
  amountFen: number;
  purpose: string;
  disbursedFen: number;
  undisbursedFen: number;
  disbursements: number;
  allocatedAt: string;
  allocatedBy: string;
  /** The funding request it answers, when it does. */
  request?: z.output<typeof RequestOrigin>;
}

/** A payment against an allocation, under the voucher that documents it. */
export interface Disbursement {
  id: string;
  allocationId: string;
  poolId: string;
  street: string;
  amountFen: number;
  voucherRef: string;
  note?: string;
  paidAt: string;
  paidBy: string;
}

export interface PoolChange {
  pool: Pool;
  events: DomainEvent[];
}

export interface AllocationChange {
  allocation: Allocation;
  events: DomainEvent[];
}

export interface DisbursementChange {
  disbursement: Disbursement;
  events: DomainEvent[];
}

export function createPool(
  request: { id: string; street: string; year: number; name: string; lines: PoolLine[] },
  cause: Cause,
): PoolChange {
  const totalFen = safeSum(request.lines.map((l) => l.amountFen));
  if (totalFen === undefined) throw new UnprocessableError('The pool’s total is past 2^53 − 1 fen.', [{ field: 'body.lines', message: 'total too large' }]);
  const pool: Pool = {
    id: request.id,
    street: request.street,
    year: request.year,
    name: request.name,
    lines: request.lines,
    totalFen,
    allocatedFen: 0,
    remainingFen: totalFen,
    disbursedFen: 0,
    allocations: 0,
    createdAt: cause.now,
    createdBy: cause.actor.sub,
  };
  const event = newEvent(
    PoolCreated,
    keys.pool(pool.id).pk,
    { poolId: pool.id, street: pool.street, year: pool.year, name: pool.name, lines: pool.lines, totalFen },
    cause,
  );
  return { pool, events: [event] };
}

export interface AllocationRequest {
  id: string;
  amountFen: number;
  purpose: string;
  /** A community of the pool's street … */
  community?: string;
  /** … or a capital project of it … */
  projectId?: string;
  /** … or, for a request's answer, who carries it out. */
  recipient?: string;
  request?: z.output<typeof RequestOrigin>;
}

/** Set money of a pool aside. More than the pool has left is 409; the store's condition says the same. */
export function allocateFromPool(pool: Pool, request: AllocationRequest, cause: Cause): AllocationChange {
  if (request.community && !covers(pool.street, request.community)) {
    throw new UnprocessableError(`Community ${request.community} is not in ${pool.street}, whose pool this is.`, [
      { field: 'body.community', message: `not a community of ${pool.street}` },
    ]);
  }
  if (request.amountFen > pool.remainingFen) {
    throw new ConflictError(`Pool ${pool.id} has ${pool.remainingFen} fen left, less than the ${request.amountFen} fen asked.`);
  }
  const recipient = request.community ?? (request.projectId ? `project ${request.projectId}` : request.recipient);
  if (!recipient) throw new Error('an allocation needs a community, a project or a recipient');
  const allocation: Allocation = {
    id: request.id,
    poolId: pool.id,
    street: pool.street,
    year: pool.year,
    recipient,
    ...(request.community ? { community: request.community } : {}),
    ...(request.projectId ? { projectId: request.projectId } : {}),
    amountFen: request.amountFen,
    purpose: request.purpose,
    disbursedFen: 0,
    undisbursedFen: request.amountFen,
    disbursements: 0,
    allocatedAt: cause.now,
    allocatedBy: cause.actor.sub,
    ...(request.request ? { request: request.request } : {}),
  };
  const event = newEvent(
    FundsAllocated,
    keys.pool(pool.id).pk,
    {
      allocationId: allocation.id,
      poolId: pool.id,
      street: pool.street,
      recipient,
      ...(request.community ? { community: request.community } : {}),
      amountFen: request.amountFen,
      purpose: request.purpose,
      ...(request.request ? { request: request.request } : {}),
    },
    cause,
  );
  return { allocation, events: [event] };
}

/** Pay out against an allocation. More than is left of it is 409; the store's condition says the same. */
export function recordDisbursement(
  allocation: Allocation,
  payment: { id: string; amountFen: number; voucherRef: string; note?: string },
  cause: Cause,
): DisbursementChange {
  if (payment.amountFen > allocation.undisbursedFen) {
    throw new ConflictError(
      `Allocation ${allocation.id} has ${allocation.undisbursedFen} fen left to pay, less than the ${payment.amountFen} fen asked.`,
    );
  }
  const disbursement: Disbursement = {
    id: payment.id,
    allocationId: allocation.id,
    poolId: allocation.poolId,
    street: allocation.street,
    amountFen: payment.amountFen,
    voucherRef: payment.voucherRef,
    ...(payment.note ? { note: payment.note } : {}),
    paidAt: cause.now,
    paidBy: cause.actor.sub,
  };
  const event = newEvent(
    DisbursementRecorded,
    keys.allocation(allocation.id).pk,
    { disbursementId: payment.id, street: allocation.street, amountFen: payment.amountFen, allocationId: allocation.id },
    cause,
  );
  return { disbursement, events: [event] };
}
