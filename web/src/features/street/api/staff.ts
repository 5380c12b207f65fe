import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';
import { inPath } from '../../../lib/places.ts';

export type Staffing = paths['/recruitment/streets/{street}/staffing']['get']['responses'][200]['content']['application/json'];
export type RosterPage = paths['/recruitment/staff']['get']['responses'][200]['content']['application/json'];
export type SecondmentPage = paths['/recruitment/secondments']['get']['responses'][200]['content']['application/json'];
export type Secondment = SecondmentPage['items'][number];
export type SecondmentStatus = Secondment['status'];

export async function staffing(street: string): Promise<Staffing> {
  return call(api().GET('/recruitment/streets/{street}/staffing', { params: { path: { street: inPath(street) } } }));
}

export async function roster(street: string, cursor?: string): Promise<RosterPage> {
  return call(api().GET('/recruitment/staff', { params: { query: { street, limit: 20, ...(cursor ? { cursor } : {}) } } }));
}

export async function secondments(street: string, status: SecondmentStatus, cursor?: string): Promise<SecondmentPage> {
  return call(api().GET('/recruitment/secondments', { params: { query: { street, status, limit: 20, ...(cursor ? { cursor } : {}) } } }));
}

/** Recall a seconded member: the secondment ends today and the member is back in post. */
export async function recall(id: string): Promise<Secondment> {
  return call(api().POST('/recruitment/secondments/{id}/end', { params: { path: { id } } }));
}

/** Record the approval a flagged secondment lacked, by the number of the document that gave it. */
export async function approve(id: string, approvalRef: string): Promise<Secondment> {
  return call(api().POST('/recruitment/secondments/{id}/approval', { params: { path: { id } }, body: { approvalRef } }));
}
