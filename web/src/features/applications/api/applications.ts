import type { paths } from '../../../api/schema.ts';
import {
  pathsRecruitmentPositionsIdApplicationsPostRequestBodyContentApplicationJsonProfileCurrentRoleValues as ROLES,
  pathsRecruitmentPositionsIdApplicationsPostRequestBodyContentApplicationJsonProfileEducationValues as EDUCATION,
} from '../../../api/schema.ts';
import { api, call, undeclaredAnswer } from '../../../lib/api.ts';

export type ApplicationRequest = paths['/recruitment/positions/{id}/applications']['post']['requestBody']['content']['application/json'];
export type Profile = ApplicationRequest['profile'];
export { EDUCATION, ROLES };

/**
 * An application as the applicant sees it (services/recruitment/applications/handlers.ts
 * applicationView). Typed here until the route's response schema is in openapi.json.
 */
export interface Application {
  id: string;
  positionId: string;
  positionTitle: string;
  street: string;
  name: string;
  profile: Profile;
  status: 'eligible' | 'ineligible' | 'hired' | 'not-selected';
  reasons: Array<{ rule: 'source-pool' | 'years-of-service' | 'age' | 'education'; message: string }>;
  submittedAt: string;
  score?: number;
  rank?: number;
  decidedAt?: string;
  decision?: string;
}

export async function apply(positionId: string, body: ApplicationRequest, idempotencyKey: string): Promise<Application> {
  return undeclaredAnswer<Application>(
    await call(
      api().POST('/recruitment/positions/{id}/applications', {
        params: { path: { id: positionId }, header: { 'Idempotency-Key': idempotencyKey } },
        body,
      }),
    ),
  );
}

export async function myApplications(cursor?: string): Promise<{ items: Application[]; cursor?: string }> {
  return undeclaredAnswer<{ items: Application[]; cursor?: string }>(
    await call(api().GET('/recruitment/me/applications', { params: { query: { limit: 25, ...(cursor ? { cursor } : {}) } } })),
  );
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
