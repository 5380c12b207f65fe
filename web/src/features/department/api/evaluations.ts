import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';

export type EvaluationPage = paths['/authority/evaluations']['get']['responses'][200]['content']['application/json'];
export type Evaluation = EvaluationPage['items'][number];
export type EvaluationRequest = paths['/authority/evaluations']['post']['requestBody']['content']['application/json'];

/** The caller's department's evaluations, newest first, with their opinions. */
export function evaluations(cursor?: string): Promise<EvaluationPage> {
  return call(api().GET('/authority/evaluations', { params: { query: { limit: 10, ...(cursor ? { cursor } : {}) } } }));
}

/** Ask the streets' written opinions on an evaluation of units; a retry sends the same key. */
export function requestEvaluation(body: EvaluationRequest, key: string): Promise<Evaluation> {
  return call(api().POST('/authority/evaluations', { params: { header: { 'Idempotency-Key': key } }, body }));
}

/** Make it final with its conclusion (once every street has answered). */
export function finalizeEvaluation(id: string, conclusion: string, key: string): Promise<Evaluation> {
  return call(api().POST('/authority/evaluations/{id}/finalize', { params: { path: { id }, header: { 'Idempotency-Key': key } }, body: { conclusion } }));
}
