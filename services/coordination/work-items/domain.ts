import { UnprocessableError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import { AccessListItemApproved, WorkItemAccepted, WorkItemBlocked } from '../../../contracts/coordination.ts';
import { keys } from '../keys.ts';
import type { Decision } from '../meetings/domain.ts';
import { streetOf } from '../../../kernel/jurisdiction.ts';

/** A work item departments may ask of communities, approved by a joint-meeting decision. */
export interface AccessItem {
  district: string;
  code: string;
  title: string;
  description: string;
  /** The departments that may push it; empty: any department of the district. */
  departments: string[];
  decisionId: string;
  approvedAt: string;
  approvedBy: string;
}

/** A work item that reached a community. */
export interface WorkItem {
  id: string;
  code: string;
  title: string;
  description: string;
  department: string;
  community: string;
  street: string;
  district: string;
  dueOn?: string;
  acceptedAt: string;
  assignedBy: string;
}

export type BlockReason = 'not-on-access-list' | 'not-for-this-department';

/** A department's attempt to push a work item that is not on the list: kept for the district, shown to no community. */
export interface BlockedAttempt extends Omit<WorkItem, 'acceptedAt'> {
  reason: BlockReason;
  blockedAt: string;
}

/** A work item as its department sees it: accepted, or blocked with the reason. */
export function departmentWorkItemView(item: WorkItem | BlockedAttempt) {
  const { id, code, title, description, department, community, street, district, dueOn, assignedBy } = item;
  const common = { id, code, title, description, department, community, street, district, ...(dueOn ? { dueOn } : {}), assignedBy };
  return 'reason' in item ? { ...common, status: 'blocked' as const, at: item.blockedAt, reason: item.reason } : { ...common, status: 'accepted' as const, at: item.acceptedAt };
}

/** An access-list item as every answer shows it (the list is public): not who approved it, which the district's audit trail keeps. */
export function accessItemView(item: AccessItem) {
  const { approvedBy: _who, ...view } = item;
  return view;
}

export type AccessItemRequest = Pick<AccessItem, 'code' | 'title' | 'description' | 'departments' | 'decisionId'>;

/** Only a joint meeting of the same district can put an item on its list. */
export function approveAccessItem(request: AccessItemRequest, decision: Decision | undefined, district: string, cause: Cause) {
  if (!decision) {
    throw new UnprocessableError(`No joint-meeting decision ${request.decisionId}: an item joins the list only by one.`, [
      { field: 'body.decisionId', message: 'not a joint-meeting decision' },
    ]);
  }
  if (decision.district !== district) {
    throw new UnprocessableError(`Decision ${decision.id} is of ${decision.district}, not ${district}.`, [
      { field: 'body.decisionId', message: 'a decision of another district' },
    ]);
  }
  const item: AccessItem = { ...request, departments: [...new Set(request.departments)], district, approvedAt: cause.now, approvedBy: cause.actor.sub };
  const event = newEvent(
    AccessListItemApproved,
    keys.accessList(district),
    { district, code: item.code, title: item.title, departments: item.departments, decisionId: item.decisionId },
    cause,
  );
  return { item, events: [event] };
}

export type WorkItemRequest = Pick<WorkItem, 'id' | 'code' | 'title' | 'description' | 'community'> & { dueOn?: string };

export type PushOutcome =
  | { accepted: WorkItem; events: DomainEvent[] }
  | { blocked: BlockedAttempt; events: DomainEvent[] };

/**
 * A department pushes a work item onto a community: it reaches the community only if its code is on
 * the district's access list (and, where the list names departments, for this department).
 * Anything else is blocked with the reason, and counted against the department.
 */
export function pushWorkItem(request: WorkItemRequest, listed: AccessItem | undefined, department: string, cause: Cause): PushOutcome {
  const street = streetOf(request.community);
  const base = { ...request, department, street, district: districtOf(request.community), assignedBy: cause.actor.sub };
  const facts = { workItemId: request.id, department, community: request.community, street, code: request.code, title: request.title };
  const reason: BlockReason | undefined = !listed
    ? 'not-on-access-list'
    : listed.departments.length > 0 && !listed.departments.includes(department)
      ? 'not-for-this-department'
      : undefined;
  if (reason) {
    const blocked: BlockedAttempt = { ...base, reason, blockedAt: cause.now };
    return { blocked, events: [newEvent(WorkItemBlocked, keys.blockedAttempt(request.id).pk, { ...facts, reason, blockedAt: cause.now }, cause)] };
  }
  const accepted: WorkItem = { ...base, acceptedAt: cause.now };
  return {
    accepted,
    events: [
      newEvent(
        WorkItemAccepted,
        keys.workItem(request.id).pk,
        { ...facts, ...(request.dueOn ? { dueOn: request.dueOn } : {}), acceptedAt: cause.now },
        cause,
      ),
    ],
  };
}
