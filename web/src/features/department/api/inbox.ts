import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';
import type { Issue } from '../../street/api/issues.ts';

export type Performance = paths['/coordination/departments/{dept}/performance']['get']['responses'][200]['content']['application/json'];

/** The department reports in on an issue that names it. */
export async function acknowledge(id: string): Promise<Issue> {
  return call(api().POST('/coordination/issues/{id}/acknowledge', { params: { path: { id } } }));
}

/** The department resolves its part, saying what it did. */
export async function resolve(id: string, note: string): Promise<Issue> {
  return call(api().POST('/coordination/issues/{id}/resolve', { params: { path: { id } }, body: { note } }));
}

export async function performance(department: string): Promise<Performance> {
  return call(api().GET('/coordination/departments/{dept}/performance', { params: { path: { dept: department }, query: {} } }));
}
