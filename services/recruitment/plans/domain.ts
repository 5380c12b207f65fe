import { ConflictError } from '../../../kernel/errors.ts';
import { newEvent, type Cause, type DomainEvent } from '../../../kernel/events.ts';
import { RecruitmentPlanAdopted } from '../../../contracts/recruitment.ts';
import { keys } from '../keys.ts';
import { RESERVED_POOLS, type SourcePool } from '../vocabulary.ts';

/** A district's recruitment plan for a year: per street, the posts it may fill and how many are reserved. */
export interface Plan {
  district: string;
  year: number;
  streets: Array<{ street: string; posts: number; reserved: number }>;
  adoptedAt: string;
  adoptedBy: string;
}

/**
 * What a street may still publish under the plan. `reserved` of its `posts` are kept for village
 * cadres and community workers: positions open to anyone else (`open`) may use only the rest.
 */
export interface Allotment {
  district: string;
  year: number;
  street: string;
  posts: number;
  reserved: number;
  /** Quota of all positions published against the plan. */
  published: number;
  /** Quota of published positions open to pools beyond the reserved ones. */
  publishedOpen: number;
}

export interface PlanAdoption {
  plan: Plan;
  allotments: Allotment[];
  events: DomainEvent[];
}

export function adoptPlan(request: Pick<Plan, 'district' | 'year' | 'streets'>, cause: Cause): PlanAdoption {
  const plan: Plan = { ...request, adoptedAt: cause.now, adoptedBy: cause.actor.sub };
  const allotments = request.streets.map((s) => ({
    district: request.district,
    year: request.year,
    ...s,
    published: 0,
    publishedOpen: 0,
  }));
  const event = newEvent(RecruitmentPlanAdopted, keys.plan(request.district, request.year).pk, { ...request, adoptedAt: cause.now }, cause);
  return { plan, allotments, events: [event] };
}

/** A position open to anyone beyond village cadres and community workers cannot use reserved posts. */
export function isOpenToAll(sourcePools: readonly SourcePool[]): boolean {
  return sourcePools.some((pool) => !RESERVED_POOLS.includes(pool));
}

export function remaining(allotment: Allotment): { posts: number; open: number } {
  return {
    posts: allotment.posts - allotment.published,
    open: allotment.posts - allotment.reserved - allotment.publishedOpen,
  };
}

/** The posts a position draws from its street's allotment when published; 409 when the plan has too few. */
export function drawPosts(
  allotment: Allotment | undefined,
  position: { street: string; year: number; district: string; quota: number; sourcePools: readonly SourcePool[] },
): { quota: number; open: number } {
  if (!allotment) {
    throw new ConflictError(`The ${position.year} plan of ${position.district} has no posts for ${position.street}.`);
  }
  const left = remaining(allotment);
  if (position.quota > left.posts) {
    throw new ConflictError(
      `The position needs ${position.quota} posts but the ${position.year} plan has ${left.posts} left for ${position.street}.`,
    );
  }
  const open = isOpenToAll(position.sourcePools);
  if (open && position.quota > left.open) {
    throw new ConflictError(
      `${allotment.reserved} of ${position.street}'s posts are reserved for village cadres and community workers; ` +
        `a position open to other pools may use ${left.open} more, not ${position.quota}.`,
    );
  }
  return { quota: position.quota, open: open ? position.quota : 0 };
}

export function planView(plan: Plan, allotments: Allotment[]) {
  return {
    district: plan.district,
    year: plan.year,
    adoptedAt: plan.adoptedAt,
    streets: allotments.map((a) => ({
      street: a.street,
      posts: a.posts,
      reserved: a.reserved,
      published: a.published,
      remaining: remaining(a).posts,
      remainingOpen: remaining(a).open,
    })),
  };
}
