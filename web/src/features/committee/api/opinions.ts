import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';

export type OpinionRequest = paths['/authority/opinion-requests']['get']['responses'][200]['content']['application/json']['items'][number];
export type OpinionPage = paths['/authority/opinion-requests']['get']['responses'][200]['content']['application/json'];
export type OpinionStatus = OpinionRequest['status'];
export type Rating = paths['/authority/evaluations/{id}/opinions']['post']['requestBody']['content']['application/json']['rating'];

/** The evaluations waiting for the street's written opinion (oldest first), or those it answered. */
export async function opinionRequests(status: OpinionStatus, cursor?: string): Promise<OpinionPage> {
  return call(api().GET('/authority/opinion-requests', { params: { query: { status, limit: 20, ...(cursor ? { cursor } : {}) } } }));
}

export async function giveOpinion(evaluationId: string, rating: Rating, text: string, idempotencyKey: string): Promise<OpinionRequest> {
  return call(
    api().POST('/authority/evaluations/{id}/opinions', {
      params: { path: { id: evaluationId }, header: { 'Idempotency-Key': idempotencyKey } },
      body: { rating, text },
    }),
  );
}
