import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';

export type DepartmentWorkPage = paths['/coordination/departments/{dept}/work-items']['get']['responses'][200]['content']['application/json'];
export type DepartmentWorkItem = DepartmentWorkPage['items'][number];
export type WorkStatus = DepartmentWorkItem['status'];
export type PushRequest = paths['/coordination/work-items']['post']['requestBody']['content']['application/json'];
export type AccessListPage = paths['/coordination/access-list']['get']['responses'][200]['content']['application/json'];

/** What the department pushed onto communities: accepted, or blocked with the reason. Newest first. */
export function departmentWork(department: string, status: WorkStatus, cursor?: string): Promise<DepartmentWorkPage> {
  return call(
    api().GET('/coordination/departments/{dept}/work-items', {
      params: { path: { dept: department }, query: { status, limit: 20, ...(cursor ? { cursor } : {}) } },
    }),
  );
}

/** Ask a community to do a work item; a retry sends the same key. A blocked attempt is a 422 with its `reason`. */
export function pushWorkItem(body: PushRequest, key: string) {
  return call(api().POST('/coordination/work-items', { params: { header: { 'Idempotency-Key': key } }, body }));
}

/** The district's access list, all of it (tens of items), to choose a code from. */
export async function accessCodes(district: string): Promise<AccessListPage['items']> {
  const all: AccessListPage['items'] = [];
  let cursor: string | undefined;
  do {
    const page: AccessListPage = await call(api().GET('/coordination/access-list', { params: { query: { district, limit: 100, ...(cursor ? { cursor } : {}) } } }));
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}
