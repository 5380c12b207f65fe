import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';

export type Plan = paths['/recruitment/plans/{district}/{year}']['get']['responses'][200]['content']['application/json'];
export type PositionRequest = paths['/recruitment/positions']['post']['requestBody']['content']['application/json'];
export type OfficePosition = paths['/recruitment/positions']['post']['responses'][201]['content']['application/json'];
export type BoardPage = paths['/recruitment/positions']['get']['responses'][200]['content']['application/json'];
export type BoardPosition = BoardPage['items'][number];
export type ListedStatus = NonNullable<NonNullable<paths['/recruitment/positions']['get']['parameters']['query']>['status']>;
export type ApplicationPage = paths['/recruitment/positions/{id}/applications']['get']['responses'][200]['content']['application/json'];
export type OfficeApplication = ApplicationPage['items'][number];
export type ApplicationStatus = OfficeApplication['status'];
export type Closing = paths['/recruitment/positions/{id}/close']['post']['responses'][200]['content']['application/json'];

export function plan(district: string, year: number): Promise<Plan> {
  return call(api().GET('/recruitment/plans/{district}/{year}', { params: { path: { district, year } } }));
}

export function positions(query: { street?: string; status: ListedStatus; cursor?: string }): Promise<BoardPage> {
  return call(
    api().GET('/recruitment/positions', {
      params: { query: { status: query.status, limit: 25, ...(query.street ? { street: query.street } : {}), ...(query.cursor ? { cursor: query.cursor } : {}) } },
    }),
  );
}

export function positionById(id: string) {
  return call(api().GET('/recruitment/positions/{id}', { params: { path: { id } } }));
}

/** A draft; a retry after a network failure sends the same key, so it is drafted once. */
export function draft(body: PositionRequest, key: string): Promise<OfficePosition> {
  return call(api().POST('/recruitment/positions', { params: { header: { 'Idempotency-Key': key } }, body }));
}

export function publish(id: string): Promise<OfficePosition> {
  return call(api().POST('/recruitment/positions/{id}/publish', { params: { path: { id } } }));
}

export function applications(id: string, status?: ApplicationStatus, cursor?: string): Promise<ApplicationPage> {
  return call(
    api().GET('/recruitment/positions/{id}/applications', {
      params: { path: { id }, query: { limit: 25, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) } },
    }),
  );
}

/** Every eligible application of a position (for the ranking shown before closing). */
export async function allEligible(id: string): Promise<OfficeApplication[]> {
  const all: OfficeApplication[] = [];
  let cursor: string | undefined;
  do {
    const page = await applications(id, 'eligible', cursor);
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

export function score(id: string, value: number): Promise<OfficeApplication> {
  return call(api().POST('/recruitment/applications/{id}/score', { params: { path: { id } }, body: { score: value } }));
}

export function close(id: string): Promise<Closing> {
  return call(api().POST('/recruitment/positions/{id}/close', { params: { path: { id } } }));
}

/** The service's ranking (services/recruitment/positions/closing.ts): eligible and scored, higher score, then earlier submission, then id. */
export function ranked(items: readonly OfficeApplication[]): OfficeApplication[] {
  return items
    .filter((a) => a.status === 'eligible' && a.score !== undefined)
    .sort((a, b) => b.score! - a.score! || a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id));
}

export type DraftPage = paths['/recruitment/streets/{street}/draft-positions']['get']['responses'][200]['content']['application/json'];

/** A street's drafts, newest first: what the office may still publish. */
export function drafts(street: string, cursor?: string): Promise<DraftPage> {
  return call(
    api().GET('/recruitment/streets/{street}/draft-positions', {
      params: { path: { street: street.replace('/', '-') }, query: { limit: 25, ...(cursor ? { cursor } : {}) } },
    }),
  );
}
