import { ConflictError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import { chinaDate } from '../../../kernel/calendar.ts';
import { SecondmentApproved, SecondmentEnded, SecondmentFlagged, SecondmentStarted } from '../../../contracts/recruitment.ts';
import { keys } from '../keys.ts';
import type { FlagReason, PositionKind, SecondmentStatus } from '../vocabulary.ts';

/** A member of a street's staff, hired through a position. */
export interface StaffMember {
  id: string;
  name: string;
  street: string;
  kind: PositionKind;
  positionId: string;
  positionTitle: string;
  applicationId: string;
  /** The person's subject claim, linking the record to the applicant. */
  applicant: string;
  hiredAt: string;
  status: 'in-post' | 'seconded';
  secondmentId?: string;
  version: number;
}

/**
 * A member lent out to another unit. Recruited staff are meant to stay where they were recruited, so
 * a secondment with no approval reference, or still running after its end date, is flagged (once).
 */
export interface Secondment {
  id: string;
  staffId: string;
  staffName: string;
  street: string;
  toUnit: string;
  startsOn: string;
  endsOn: string;
  approvalRef?: string;
  status: SecondmentStatus;
  flagReasons?: FlagReason[];
  flaggedAt?: string;
  recordedAt: string;
  recordedBy: string;
  /** When the approval was recorded after the secondment began (one given at the start has none). */
  approvedAt?: string;
  approvedBy?: string;
  endedOn?: string;
  endedAt?: string;
  endedBy?: string;
  version: number;
}

export interface SecondmentChange {
  secondment: Secondment;
  /** The secondment's status before the change; undefined for a new one. */
  previousStatus?: SecondmentStatus;
  staff?: StaffMember;
  events: DomainEvent[];
}

export type SecondmentRequest = Pick<Secondment, 'id' | 'toUnit' | 'startsOn' | 'endsOn' | 'approvalRef'>;

function facts(s: Secondment) {
  return { secondmentId: s.id, staffId: s.staffId, street: s.street, toUnit: s.toUnit, startsOn: s.startsOn, endsOn: s.endsOn };
}

/** Past due: the district's today is after the last day of the secondment. */
export function isPastDue(secondment: Pick<Secondment, 'endsOn'>, now: string): boolean {
  return secondment.endsOn < chinaDate(now);
}

export function startSecondment(staff: StaffMember, request: SecondmentRequest, cause: Cause): SecondmentChange {
  if (staff.status === 'seconded') {
    throw new ConflictError(`${staff.name} is already on secondment ${staff.secondmentId}; recall them first.`);
  }
  const reasons: FlagReason[] = [];
  if (!request.approvalRef) reasons.push('no-approval');
  if (isPastDue(request, cause.now)) reasons.push('past-due');
  const secondment: Secondment = {
    ...request,
    staffId: staff.id,
    staffName: staff.name,
    street: staff.street,
    status: reasons.length > 0 ? 'flagged' : 'active',
    ...(reasons.length > 0 ? { flagReasons: reasons, flaggedAt: cause.now } : {}),
    recordedAt: cause.now,
    recordedBy: cause.actor.sub,
    version: 1,
  };
  const aggregate = keys.secondment(secondment.id).pk;
  const events: DomainEvent[] = [
    newEvent(
      SecondmentStarted,
      aggregate,
      { ...facts(secondment), ...(request.approvalRef ? { approvalRef: request.approvalRef } : {}), recordedAt: cause.now },
      cause,
    ),
  ];
  if (reasons.length > 0) {
    events.push(newEvent(SecondmentFlagged, aggregate, { ...facts(secondment), reasons, flaggedAt: cause.now }, cause));
  }
  return {
    secondment,
    staff: { ...staff, status: 'seconded', secondmentId: secondment.id, version: staff.version + 1 },
    events,
  };
}

/** The schedule's check: an active secondment past its end is flagged; anything else is left alone. */
export function flagPastDue(secondment: Secondment, cause: Cause): SecondmentChange | { ignored: string } {
  if (secondment.status !== 'active') return { ignored: `secondment ${secondment.id} is ${secondment.status}` };
  if (!isPastDue(secondment, cause.now)) return { ignored: `secondment ${secondment.id} runs until ${secondment.endsOn}` };
  const flagged: Secondment = {
    ...secondment,
    status: 'flagged',
    flagReasons: ['past-due'],
    flaggedAt: cause.now,
    version: secondment.version + 1,
  };
  const event = newEvent(
    SecondmentFlagged,
    keys.secondment(secondment.id).pk,
    { ...facts(secondment), reasons: ['past-due'], flaggedAt: cause.now },
    cause,
  );
  return { secondment: flagged, previousStatus: secondment.status, events: [event] };
}

/**
 * Record the approval a secondment lacked: the document's number, once. The `no-approval` flag goes;
 * if it was the only one the secondment is active again (and the schedule watches its end date as
 * for any other). One already approved, or ended, is 409.
 */
export function approveSecondment(secondment: Secondment, approvalRef: string, cause: Cause): SecondmentChange {
  if (secondment.status === 'ended') {
    throw new ConflictError(`Secondment ${secondment.id} ended on ${secondment.endedOn}; there is nothing left to approve.`);
  }
  if (secondment.approvalRef) {
    throw new ConflictError(`Secondment ${secondment.id} is already approved under ${secondment.approvalRef}.`);
  }
  // Approved, but run past its end without a recall: still flagged for that.
  const reasons = (secondment.flagReasons ?? []).filter((r) => r !== 'no-approval');
  if (isPastDue(secondment, cause.now) && !reasons.includes('past-due')) reasons.push('past-due');
  const { flagReasons: _reasons, flaggedAt: _flaggedAt, ...rest } = secondment;
  const approved: Secondment = {
    ...rest,
    approvalRef,
    approvedAt: cause.now,
    approvedBy: cause.actor.sub,
    status: reasons.length > 0 ? 'flagged' : 'active',
    ...(reasons.length > 0 ? { flagReasons: reasons, flaggedAt: secondment.flaggedAt ?? cause.now } : {}),
    version: secondment.version + 1,
  };
  const event = newEvent(
    SecondmentApproved,
    keys.secondment(secondment.id).pk,
    { ...facts(secondment), approvalRef, unflagged: secondment.status === 'flagged' && approved.status === 'active', approvedAt: cause.now },
    cause,
  );
  return { secondment: approved, previousStatus: secondment.status, events: [event] };
}

/** Recall: the secondment ends today and the member is back in post. */
export function endSecondment(secondment: Secondment, staff: StaffMember, cause: Cause): SecondmentChange {
  if (secondment.status === 'ended') {
    throw new ConflictError(`Secondment ${secondment.id} already ended on ${secondment.endedOn}.`);
  }
  const endedOn = chinaDate(cause.now);
  const ended: Secondment = {
    ...secondment,
    status: 'ended',
    endedOn,
    endedAt: cause.now,
    endedBy: cause.actor.sub,
    version: secondment.version + 1,
  };
  const { secondmentId: _ended, ...rest } = staff;
  const back: StaffMember =
    staff.secondmentId === secondment.id ? { ...rest, status: 'in-post', version: staff.version + 1 } : staff;
  const event = newEvent(
    SecondmentEnded,
    keys.secondment(secondment.id).pk,
    { ...facts(secondment), endedOn, wasFlagged: secondment.status === 'flagged', endedAt: cause.now },
    cause,
  );
  return { secondment: ended, previousStatus: secondment.status, ...(back !== staff ? { staff: back } : {}), events: [event] };
}
