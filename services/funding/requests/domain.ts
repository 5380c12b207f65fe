import type * as z from 'zod/mini';
import { ConflictError, UnprocessableError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent, type Metadata } from '../../../kernel/events.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import { FundingDeclined, FundingRequestOpened, type RequestOrigin } from '../../../contracts/funding.ts';
import { keys } from '../keys.ts';
import { allocateFromPool, type AllocationChange, type Pool } from '../pools/domain.ts';

export type RequestStatus = 'open' | 'approved' | 'declined';
type Origin = z.output<typeof RequestOrigin>;

/**
 * A request for money that arrived as an event (a joint-meeting decision, a premises remediation
 * plan), waiting for finance. Its answer carries the asking event's correlation id back.
 */
export interface FundingRequest {
  id: string;
  kind: Origin['kind'];
  /** The asker's own id: `decisionId` or `remediationId`. */
  ref: string;
  street: string;
  district: string;
  community?: string;
  amountFen: number;
  purpose: string;
  /** What else the asker said: meeting and owner department, or the space shortfall. */
  details: Record<string, string | number>;
  /** The event that asked: its id, correlation, time and who raised it there. */
  asked: { eventId: string; source: string; correlationId: string; occurredAt: string; by: string };
  status: RequestStatus;
  receivedAt: string;
  decidedAt?: string;
  decidedBy?: string;
  reason?: string;
  poolId?: string;
  allocationId?: string;
  grantedFen?: number;
  version: number;
}

export interface RequestChange {
  request: FundingRequest;
  events: DomainEvent[];
}

export interface AskedFor {
  kind: Origin['kind'];
  ref: string;
  street: string;
  community?: string;
  amountFen: number;
  purpose: string;
  details: Record<string, string | number>;
}

export const originOf = (request: Pick<FundingRequest, 'id' | 'kind' | 'ref'>): Origin => ({ requestId: request.id, kind: request.kind, ref: request.ref });

export function openFundingRequest(id: string, asked: AskedFor, metadata: Metadata, source: string, cause: Cause): RequestChange {
  const request: FundingRequest = {
    id,
    ...asked,
    district: districtOf(asked.street),
    asked: { eventId: metadata.eventId, source, correlationId: metadata.correlationId, occurredAt: metadata.occurredAt, by: metadata.actor.sub },
    status: 'open',
    receivedAt: cause.now,
    version: 1,
  };
  const event = newEvent(
    FundingRequestOpened,
    keys.request(id).pk,
    {
      request: originOf(request),
      street: request.street,
      ...(request.community ? { community: request.community } : {}),
      amountFen: request.amountFen,
      purpose: request.purpose,
    },
    cause,
  );
  return { request, events: [event] };
}

/**
 * The decision's cause: who decided and when, but the correlation of the event that asked, so the
 * asker matches the answer to its request.
 */
export function answerCause(request: FundingRequest, cause: Cause): Cause {
  return { ...cause, correlationId: request.asked.correlationId, causationId: request.asked.eventId };
}

function assertOpen(request: FundingRequest): void {
  if (request.status !== 'open') throw new ConflictError(`Funding request ${request.id} was already decided: ${request.status}.`);
}

/** Approve: the money is allocated from a pool of the request's street; the answer is FundsAllocated. */
export function approveRequest(
  request: FundingRequest,
  pool: Pool | undefined,
  decision: { allocationId: string; poolId: string; amountFen?: number; purpose?: string },
  cause: Cause,
): RequestChange & { allocation: AllocationChange } {
  assertOpen(request);
  if (!pool || pool.street !== request.street) {
    throw new UnprocessableError(`${request.street} has no pool ${decision.poolId} to draw on.`, [
      { field: 'body.poolId', message: `not a pool of ${request.street}` },
    ]);
  }
  const grantedFen = decision.amountFen ?? request.amountFen;
  if (grantedFen > request.amountFen) {
    throw new UnprocessableError(`Request ${request.id} asked for ${request.amountFen} fen; grant at most that.`, [
      { field: 'body.amountFen', message: `more than the ${request.amountFen} fen asked` },
    ]);
  }
  const answering = answerCause(request, cause);
  const allocation = allocateFromPool(
    pool,
    {
      id: decision.allocationId,
      amountFen: grantedFen,
      purpose: decision.purpose ?? request.purpose,
      ...(request.community ? { community: request.community } : { recipient: String(request.details.ownerDepartment ?? request.street) }),
      request: originOf(request),
    },
    answering,
  );
  const approved: FundingRequest = {
    ...request,
    status: 'approved',
    decidedAt: cause.now,
    decidedBy: cause.actor.sub,
    poolId: pool.id,
    allocationId: decision.allocationId,
    grantedFen,
    version: request.version + 1,
  };
  return { request: approved, events: [], allocation };
}

/** A request as the API shows it: `version` is the store's guard against a second decision, not the client's. */
export function requestView(request: FundingRequest): Omit<FundingRequest, 'version'> {
  const { version: _version, ...shown } = request;
  return shown;
}

/** Decline with the reason; the answer is FundingDeclined. */
export function declineRequest(request: FundingRequest, reason: string, cause: Cause): RequestChange {
  assertOpen(request);
  const declined: FundingRequest = {
    ...request,
    status: 'declined',
    decidedAt: cause.now,
    decidedBy: cause.actor.sub,
    reason,
    version: request.version + 1,
  };
  const event = newEvent(
    FundingDeclined,
    keys.request(request.id).pk,
    { request: originOf(request), street: request.street, amountFen: request.amountFen, reason },
    answerCause(request, cause),
  );
  return { request: declined, events: [event] };
}
