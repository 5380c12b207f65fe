import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';

export type MeetingPage = paths['/coordination/meetings']['get']['responses'][200]['content']['application/json'];
export type MeetingSummary = MeetingPage['items'][number];
export type Meeting = paths['/coordination/meetings/{id}']['get']['responses'][200]['content']['application/json'];
export type Decision = Meeting['decisions'][number];
export type ConveneRequest = paths['/coordination/meetings']['post']['requestBody']['content']['application/json'];
export type DecisionRequest = paths['/coordination/meetings/{id}/decisions']['post']['requestBody']['content']['application/json'];

export function meetings(cursor?: string): Promise<MeetingPage> {
  return call(api().GET('/coordination/meetings', { params: { query: { limit: 10, ...(cursor ? { cursor } : {}) } } }));
}

export function meeting(id: string): Promise<Meeting> {
  return call(api().GET('/coordination/meetings/{id}', { params: { path: { id } } }));
}

export function convene(body: ConveneRequest, key: string): Promise<Meeting> {
  return call(api().POST('/coordination/meetings', { params: { header: { 'Idempotency-Key': key } }, body }));
}

export function recordDecision(id: string, body: DecisionRequest): Promise<Decision> {
  return call(api().POST('/coordination/meetings/{id}/decisions', { params: { path: { id } }, body }));
}

export type DelegationPage = paths['/authority/delegations']['get']['responses'][200]['content']['application/json'];
export type Delegation = DelegationPage['items'][number];
export type PowerPage = paths['/authority/powers']['get']['responses'][200]['content']['application/json'];
export type DelegationRequest = paths['/authority/delegations']['post']['requestBody']['content']['application/json'];

export function delegations(cursor?: string): Promise<DelegationPage> {
  return call(api().GET('/authority/delegations', { params: { query: { limit: 10, ...(cursor ? { cursor } : {}) } } }));
}

/** The whole catalog (a district's is tens of powers), for choosing what to delegate. */
export async function catalog(): Promise<PowerPage['items']> {
  const all: PowerPage['items'] = [];
  let cursor: string | undefined;
  do {
    const page: PowerPage = await call(api().GET('/authority/powers', { params: { query: { limit: 100, ...(cursor ? { cursor } : {}) } } }));
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

export function delegate(body: DelegationRequest): Promise<Delegation> {
  return call(api().POST('/authority/delegations', { body }));
}

export type Performance = paths['/coordination/departments/{dept}/performance']['get']['responses'][200]['content']['application/json'];

export function performance(department: string): Promise<Performance> {
  return call(api().GET('/coordination/departments/{dept}/performance', { params: { path: { dept: department } } }));
}

export type Power = PowerPage['items'][number];
export type PowerRequest = paths['/authority/powers']['post']['requestBody']['content']['application/json'];
export type PowerDomain = Power['domain'];

/** One page of the catalog, by code, optionally of one domain. */
export function powersPage(domain: PowerDomain | undefined, cursor?: string): Promise<PowerPage> {
  return call(api().GET('/authority/powers', { params: { query: { limit: 25, ...(domain ? { domain } : {}), ...(cursor ? { cursor } : {}) } } }));
}

/** Enter a power in the catalog; a retry sends the same key. */
export function addPower(body: PowerRequest, key: string): Promise<Power> {
  return call(api().POST('/authority/powers', { params: { header: { 'Idempotency-Key': key } }, body }));
}

export type AccessItemRequest = paths['/coordination/access-list/items']['post']['requestBody']['content']['application/json'];
export type AccessItem = paths['/coordination/access-list/items']['post']['responses'][201]['content']['application/json'];

/** Put a work item on the district's access list, by a decision of one of its joint meetings; a retry sends the same key. */
export function approveAccessItem(body: AccessItemRequest, key: string): Promise<AccessItem> {
  return call(api().POST('/coordination/access-list/items', { params: { header: { 'Idempotency-Key': key } }, body }));
}

/** The decisions of the district's latest meetings (newest meeting first), each with its meeting's title: what an access-list entry may rest on. */
export async function recentDecisions(): Promise<Array<Decision & { meetingTitle: string }>> {
  const page = await meetings();
  const full = await Promise.all(page.items.map((m) => meeting(m.id)));
  return full.flatMap((m) => m.decisions.map((d) => ({ ...d, meetingTitle: m.title })));
}

/** Take a delegation back from a day, with the reason: its streets hold its powers up to the day before. */
export function revokeDelegation(id: string, body: { from: string; reason: string }, key: string): Promise<Delegation> {
  return call(api().POST('/authority/delegations/{id}/revoke', { params: { path: { id }, header: { 'Idempotency-Key': key } }, body }));
}
