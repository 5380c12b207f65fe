import { ConflictError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import type { Application } from '../applications/domain.ts';
import { PositionClosed, StaffHired } from '../../../contracts/recruitment.ts';
import { keys } from '../keys.ts';
import type { StaffMember } from '../staff/domain.ts';
import type { Position } from './domain.ts';

/**
 * At most this many hires per position: closing writes the position, its board entries, the street's
 * counters and three items per hire (application, staff member, StaffHired) in one transaction of
 * at most 100 items, so that the hires are all made or none is.
 */
export const MAX_QUOTA = 25;

/** Eligible, scored applications best first: higher score, then earlier submission, then id. */
export function rank(applications: readonly Application[]): Application[] {
  return applications
    .filter((a) => a.status === 'eligible' && a.score !== undefined)
    .sort(
      (a, b) =>
        b.score! - a.score! ||
        a.submittedAt.localeCompare(b.submittedAt) ||
        a.id.localeCompare(b.id),
    );
}

export interface Hire {
  application: Application;
  staff: StaffMember;
}

export interface Closing {
  position: Position;
  hires: Hire[];
  /** Eligible applications that were not hired: lower ranked, or never scored. */
  notSelected: Application[];
  events: DomainEvent[];
}

/**
 * Closing after the window: rank the eligible scored applications, hire the top `quota` (one
 * StaffHired each), mark the rest not-selected. The position is `filled` when anyone was hired,
 * `closed` when nobody could be. A position that is not published (already closed, or a draft) is 409.
 */
export function closePosition(
  position: Position,
  eligible: readonly Application[],
  newStaffId: () => string,
  cause: Cause,
): Closing {
  if (position.status !== 'published') throw new ConflictError(`Position ${position.id} is already ${position.status}.`);
  if (cause.now < position.closesAt) {
    throw new ConflictError(`Position ${position.id} takes applications until ${position.closesAt}; close it after that.`);
  }
  const ranked = rank(eligible);
  const hiredIds = new Set(ranked.slice(0, position.quota).map((a) => a.id));
  const rankOf = new Map(ranked.map((a, i) => [a.id, i + 1]));

  const hires: Hire[] = ranked.slice(0, position.quota).map((application) => {
    const staff: StaffMember = {
      id: newStaffId(),
      name: application.name,
      street: position.street,
      kind: position.kind,
      positionId: position.id,
      positionTitle: position.title,
      applicationId: application.id,
      applicant: application.applicant,
      hiredAt: cause.now,
      status: 'in-post',
      version: 1,
    };
    return {
      staff,
      application: {
        ...application,
        status: 'hired',
        rank: rankOf.get(application.id)!,
        staffId: staff.id,
        decidedAt: cause.now,
        version: application.version + 1,
      },
    };
  });
  const notSelected: Application[] = eligible
    .filter((a) => a.status === 'eligible' && !hiredIds.has(a.id))
    .map((a) => ({
      ...a,
      status: 'not-selected',
      ...(rankOf.has(a.id) ? { rank: rankOf.get(a.id)! } : {}),
      decidedAt: cause.now,
      decision: a.score === undefined ? 'No exam score was recorded.' : `Ranked ${rankOf.get(a.id)} of ${ranked.length}; ${position.quota} hired.`,
      version: a.version + 1,
    }));

  const closed: Position = {
    ...position,
    status: hires.length > 0 ? 'filled' : 'closed',
    closedAt: cause.now,
    closedBy: cause.actor.sub,
    hired: hires.length,
    notSelected: notSelected.length,
    settlement: notSelected.length > 0 ? 'pending' : 'done',
    version: position.version + 1,
  };
  const positionFacts = { positionId: position.id, title: position.title, street: position.street, kind: position.kind, quota: position.quota };
  const events: DomainEvent[] = hires.map(({ staff, application }) =>
    newEvent(
      StaffHired,
      keys.staff(staff.id).pk,
      {
        staffId: staff.id,
        name: staff.name,
        street: staff.street,
        kind: staff.kind,
        positionId: position.id,
        positionTitle: position.title,
        applicationId: application.id,
        rank: application.rank!,
        score: application.score!,
        hiredAt: cause.now,
      },
      cause,
    ),
  );
  events.push(
    newEvent(
      PositionClosed,
      keys.position(position.id).pk,
      { ...positionFacts, status: closed.status as 'closed' | 'filled', hired: hires.length, notSelected: notSelected.length, closedAt: cause.now },
      cause,
    ),
  );
  return { position: closed, hires, notSelected, events };
}
