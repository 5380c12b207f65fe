import { UnprocessableError } from '../../../kernel/errors.ts';
import { newEvent, type Cause } from '../../../kernel/events.ts';
import { covers } from '../../../kernel/jurisdiction.ts';
import { PropertyCompanyRegistered } from '../../../contracts/coordination.ts';
import type { Issue } from '../issues/domain.ts';
import { keys } from '../keys.ts';

/** A property-management company serving communities of a street, rated from the issues it is named on. */
export interface PropertyCompany {
  id: string;
  name: string;
  street: string;
  communities: string[];
  contact?: string;
  registeredAt: string;
  registeredBy: string;
}

export type CompanyRequest = Pick<PropertyCompany, 'id' | 'name' | 'street' | 'communities' | 'contact'>;

export function registerCompany(request: CompanyRequest, cause: Cause) {
  const outside = request.communities.filter((c) => !covers(request.street, c));
  if (outside.length > 0) {
    throw new UnprocessableError(`Not communities of ${request.street}: ${outside.join(', ')}.`, [
      { field: 'body.communities', message: `communities of ${request.street} only` },
    ]);
  }
  const company: PropertyCompany = { ...request, communities: [...new Set(request.communities)], registeredAt: cause.now, registeredBy: cause.actor.sub };
  const event = newEvent(
    PropertyCompanyRegistered,
    keys.company(company.id).pk,
    { companyId: company.id, name: company.name, street: company.street, communities: company.communities },
    cause,
  );
  return { company, events: [event] };
}

/** An issue may name a company only where it serves: the issue's community, or its street. */
export function assertServes(company: PropertyCompany | undefined, companyId: string, issue: { street: string; community?: string }): void {
  const serves = company && company.street === issue.street && (!issue.community || company.communities.includes(issue.community));
  if (!serves) {
    throw new UnprocessableError(`Property company ${companyId} is not registered for ${issue.community ?? issue.street}.`, [
      { field: 'body.propertyCompanyId', message: 'no such company serving this place' },
    ]);
  }
}

/**
 * A company as every answer shows it (it is public): who it is, where it serves, how it is rated.
 * Not who registered it: that is the street's audit trail, not the public's.
 */
export function companyView(company: PropertyCompany, counts: { ratings?: number; ratingSum?: number }) {
  const ratings = counts.ratings ?? 0;
  return {
    id: company.id,
    name: company.name,
    street: company.street,
    communities: company.communities,
    ...(company.contact ? { contact: company.contact } : {}),
    registeredAt: company.registeredAt,
    ratings,
    averageRating: ratings > 0 ? Math.round(((counts.ratingSum ?? 0) / ratings) * 100) / 100 : null,
  };
}

/**
 * An issue as the public company page shows it: what kind, in which community, when, how far it got
 * and how each department's handling was rated. Not the description, the exact location, who raised
 * or handled it, or what anyone wrote: those are for the issue's own readers (its street, community,
 * named departments and district office, GET /coordination/issues/{id}).
 */
export function publicIssueView(issue: Issue) {
  return {
    id: issue.id,
    street: issue.street,
    ...(issue.community ? { community: issue.community } : {}),
    category: issue.category,
    urgency: issue.urgency,
    status: issue.status,
    raisedAt: issue.raisedAt,
    ratings: Object.fromEntries(Object.entries(issue.responses).flatMap(([department, r]) => (r.rating === undefined ? [] : [[department, r.rating]]))),
  };
}
