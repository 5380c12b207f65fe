import { ConflictError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import { districtOf } from '../../../kernel/jurisdiction.ts';
import { chinaDate } from '../../../kernel/calendar.ts';
import { PositionDrafted, PositionPublished } from '../../../contracts/recruitment.ts';
import { keys } from '../keys.ts';
import { drawPosts, type Allotment } from '../plans/domain.ts';
import type { Eligibility, PositionKind, PositionStatus } from '../vocabulary.ts';

/** A post to recruit for: draft → published (on the board, within the plan) → closed or filled. */
export interface Position {
  id: string;
  title: string;
  description?: string;
  street: string;
  district: string;
  kind: PositionKind;
  quota: number;
  eligibility: Eligibility;
  opensAt: string;
  closesAt: string;
  /** The plan year whose posts it uses. */
  year: number;
  status: PositionStatus;
  draftedAt: string;
  draftedBy: string;
  publishedAt?: string;
  publishedBy?: string;
  closedAt?: string;
  closedBy?: string;
  /** Counted as applications arrive (each also bumps `version`, so closing sees any late one). */
  applications: number;
  eligibleApplications: number;
  hired?: number;
  notSelected?: number;
  /** After closing, the remaining eligible applications are marked not-selected; `done` when all are. */
  settlement?: 'pending' | 'done';
  version: number;
}

export interface PositionChange {
  position: Position;
  events: DomainEvent[];
}

export type PositionRequest = Pick<Position, 'title' | 'street' | 'kind' | 'quota' | 'eligibility' | 'opensAt' | 'closesAt'> & {
  id: string;
  description?: string;
  year?: number;
};

export function draftPosition(request: PositionRequest, cause: Cause): PositionChange {
  const opensAt = new Date(request.opensAt).toISOString();
  const position: Position = {
    ...request,
    district: districtOf(request.street),
    opensAt,
    closesAt: new Date(request.closesAt).toISOString(),
    // Without a year, the plan of the year the window opens (in the district's calendar).
    year: request.year ?? Number(chinaDate(opensAt).slice(0, 4)),
    status: 'draft',
    draftedAt: cause.now,
    draftedBy: cause.actor.sub,
    applications: 0,
    eligibleApplications: 0,
    version: 1,
  };
  const event = newEvent(
    PositionDrafted,
    keys.position(position.id).pk,
    { positionId: position.id, title: position.title, street: position.street, kind: position.kind, quota: position.quota, draftedAt: cause.now },
    cause,
  );
  return { position, events: [event] };
}

export interface Publication extends PositionChange {
  /** The posts drawn from the street's allotment: all of the quota, and as much again if open to all. */
  draw: { quota: number; open: number };
  allotment: Allotment;
}

/** Draft → published, drawing the quota from the plan's remaining posts for the street (409 if short). */
export function publishPosition(position: Position, allotment: Allotment | undefined, cause: Cause): Publication {
  if (position.status !== 'draft') throw new ConflictError(`Position ${position.id} is already ${position.status}.`);
  if (position.closesAt <= cause.now) {
    throw new ConflictError(`Position ${position.id}'s application window ended at ${position.closesAt}; change the dates first.`);
  }
  const draw = drawPosts(allotment, { ...position, sourcePools: position.eligibility.sourcePools });
  const published: Position = {
    ...position,
    status: 'published',
    publishedAt: cause.now,
    publishedBy: cause.actor.sub,
    version: position.version + 1,
  };
  const event = newEvent(
    PositionPublished,
    keys.position(position.id).pk,
    {
      positionId: position.id,
      title: position.title,
      street: position.street,
      kind: position.kind,
      quota: position.quota,
      year: position.year,
      eligibility: position.eligibility,
      opensAt: position.opensAt,
      closesAt: position.closesAt,
      publishedAt: cause.now,
    },
    cause,
  );
  return { position: published, draw, allotment: allotment!, events: [event] };
}

/** Whether a published position takes applications at `now`. */
export function windowAt(position: Pick<Position, 'status' | 'opensAt' | 'closesAt'>, now: string): 'upcoming' | 'open' | 'ended' {
  if (position.status !== 'published' || now >= position.closesAt) return 'ended';
  return now < position.opensAt ? 'upcoming' : 'open';
}
