import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';

export type ConsentCase = paths['/authority/consents/{id}']['get']['responses'][200]['content']['application/json'];
export type ConsentPage = paths['/authority/consents']['get']['responses'][200]['content']['application/json'];
export type ConsentStatus = ConsentCase['status'];
export type Decision = paths['/authority/consents/{id}/decision']['post']['requestBody']['content']['application/json']['decision'];

/** The street's consent cases by status: pending ones oldest first (the API's order). */
export async function consents(status: ConsentStatus, cursor?: string): Promise<ConsentPage> {
  return call(api().GET('/authority/consents', { params: { query: { status, limit: 20, ...(cursor ? { cursor } : {}) } } }));
}

export async function decide(id: string, decision: Decision, writtenOpinion: string): Promise<ConsentCase> {
  return call(api().POST('/authority/consents/{id}/decision', { params: { path: { id } }, body: { decision, writtenOpinion } }));
}
