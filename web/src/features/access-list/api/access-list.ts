import { api, call } from '../../../lib/api.ts';

/** The approved work items of a district, by code. */
export async function accessList(district: string, cursor?: string) {
  return call(api().GET('/coordination/access-list', { params: { query: { district, limit: 50, ...(cursor ? { cursor } : {}) } } }));
}
