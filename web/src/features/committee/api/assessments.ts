import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';
import { inPath } from '../../../lib/places.ts';

type List = paths['/authority/streets/{street}/assessments']['get'];
export type AssessmentPage = List['responses'][200]['content']['application/json'];
export type Assessment = AssessmentPage['items'][number];
export type AssessmentStatus = NonNullable<NonNullable<List['parameters']['query']>['status']>;
export type AssessmentBody = paths['/authority/assessments']['post']['requestBody']['content']['application/json'];

/** The street's double assessments in one state, newest period first. */
export async function streetAssessments(street: string, status: AssessmentStatus, cursor?: string): Promise<AssessmentPage> {
  return call(
    api().GET('/authority/streets/{street}/assessments', { params: { path: { street: inPath(street) }, query: { status, limit: 20, ...(cursor ? { cursor } : {}) } } }),
  );
}

/** The street's side of a member's assessment for a period. */
export async function assess(body: AssessmentBody, idempotencyKey: string): Promise<Assessment> {
  return call(api().POST('/authority/assessments', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body }));
}
