import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';
import { inPath } from '../../../lib/places.ts';

export type SiteRecord = paths['/premises/sites/{id}']['get']['responses'][200]['content']['application/json'];
export type Site = SiteRecord['site'];
export type Compliance = SiteRecord['compliance'];
export type SiteRequest = paths['/premises/sites']['post']['requestBody']['content']['application/json'];
export type SiteChange = NonNullable<paths['/premises/sites/{id}']['patch']['requestBody']>['content']['application/json'];
export type Tenure = Site['tenure'];
export type Use = Site['uses'][number];
export type Room = paths['/premises/sites/{id}/rooms']['post']['responses'][201]['content']['application/json'];
export type RoomRequest = paths['/premises/sites/{id}/rooms']['post']['requestBody']['content']['application/json'];
export type RoomPage = paths['/premises/rooms']['get']['responses'][200]['content']['application/json'];

export async function communitySites(community: string): Promise<Site[]> {
  return (await call(api().GET('/premises/communities/{community}/sites', { params: { path: { community: inPath(community) } } }))).items;
}

export async function site(id: string): Promise<SiteRecord> {
  return call(api().GET('/premises/sites/{id}', { params: { path: { id } } }));
}

export async function registerSite(body: SiteRequest, idempotencyKey: string): Promise<SiteRecord> {
  return call(api().POST('/premises/sites', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body }));
}

export async function changeSite(id: string, body: SiteChange): Promise<SiteRecord> {
  return call(api().PATCH('/premises/sites/{id}', { params: { path: { id } }, body }));
}

export async function siteRooms(siteId: string, cursor?: string): Promise<RoomPage> {
  return call(api().GET('/premises/rooms', { params: { query: { site: siteId, limit: 25, ...(cursor ? { cursor } : {}) } } }));
}

export async function addRoom(siteId: string, body: RoomRequest, idempotencyKey: string): Promise<Room> {
  return call(api().POST('/premises/sites/{id}/rooms', { params: { path: { id: siteId }, header: { 'Idempotency-Key': idempotencyKey } }, body }));
}
