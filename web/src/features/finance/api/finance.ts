import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';
import { inPath } from '../../../lib/places.ts';

export type RequestPage = paths['/funding/requests']['get']['responses'][200]['content']['application/json'];
export type FundingRequest = RequestPage['items'][number];
export type RequestStatus = FundingRequest['status'];
export type Decision = paths['/funding/requests/{id}/decision']['post']['requestBody']['content']['application/json'];
export type DecisionAnswer = paths['/funding/requests/{id}/decision']['post']['responses'][200]['content']['application/json'];
export type StreetSummary = paths['/funding/streets/{street}/summary']['get']['responses'][200]['content']['application/json'];
export type Pool = StreetSummary['items'][number];
export type Budget = NonNullable<StreetSummary['budget']>;
export type AllocationPage = paths['/funding/pools/{id}/allocations']['get']['responses'][200]['content']['application/json'];

/** The district's funding requests in one status, oldest first, a page at a time. */
export function fundingRequests(status: RequestStatus, cursor?: string): Promise<RequestPage> {
  return call(api().GET('/funding/requests', { params: { query: { status, limit: 25, ...(cursor ? { cursor } : {}) } } }));
}

/** Approve from a pool of the request's street, or decline with a reason: one decision per request. */
export function decide(id: string, decision: Decision): Promise<DecisionAnswer> {
  return call(api().POST('/funding/requests/{id}/decision', { params: { path: { id } }, body: decision }));
}

/** A street's budget for the year and its pools with what remains (a page of pools). */
export function streetSummary(street: string, year: number, cursor?: string): Promise<StreetSummary> {
  return call(
    api().GET('/funding/streets/{street}/summary', { params: { path: { street: inPath(street) }, query: { year, limit: 25, ...(cursor ? { cursor } : {}) } } }),
  );
}

/** Every pool of a street in a year (for choosing the one to draw on). */
export async function streetPools(street: string, year: number): Promise<Pool[]> {
  const pools: Pool[] = [];
  let cursor: string | undefined;
  do {
    const page = await streetSummary(street, year, cursor);
    pools.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return pools;
}

export function poolAllocations(id: string, cursor?: string): Promise<AllocationPage> {
  return call(api().GET('/funding/pools/{id}/allocations', { params: { path: { id }, query: { limit: 25, ...(cursor ? { cursor } : {}) } } }));
}
