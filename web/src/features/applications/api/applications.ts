import type { paths } from '../../../api/schema';
import { allOf, api, call } from '../../../lib/api.ts';

export type ApplicationRequest = paths['/recruitment/positions/{id}/applications']['post']['requestBody']['content']['application/json'];
export type Profile = ApplicationRequest['profile'];
/** An application as its applicant sees it. */
export type Application = paths['/recruitment/positions/{id}/applications']['post']['responses'][201]['content']['application/json'];
export const EDUCATION = allOf<Profile['education']>()(['junior-secondary', 'senior-secondary', 'vocational-college', 'bachelor', 'master', 'doctorate']);
export const ROLES = allOf<Profile['currentRole']>()(['village-cadre', 'community-worker', 'civil-servant', 'public-institution', 'other']);

export async function apply(positionId: string, body: ApplicationRequest, idempotencyKey: string): Promise<Application> {
  return call(
    api().POST('/recruitment/positions/{id}/applications', {
      params: { path: { id: positionId }, header: { 'Idempotency-Key': idempotencyKey } },
      body,
    }),
  );
}

export async function myApplications(cursor?: string) {
  return call(api().GET('/recruitment/me/applications', { params: { query: { limit: 25, ...(cursor ? { cursor } : {}) } } }));
}

/** The caller's application to one position, if any: the one-per-position rule, explained before the form. */
export async function myApplicationTo(positionId: string): Promise<Application | undefined> {
  let cursor: string | undefined;
  do {
    const page = await myApplications(cursor);
    const found = page.items.find((a) => a.positionId === positionId);
    if (found) return found;
    cursor = page.cursor;
  } while (cursor);
  return undefined;
}
