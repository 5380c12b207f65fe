import type { paths } from '../../../api/schema';
import { api, call } from '../../../lib/api.ts';
import { inPath } from '../../../lib/places.ts';

export type WorkItemPage = paths['/coordination/communities/{community}/work-items']['get']['responses'][200]['content']['application/json'];

/** The work items that reached the community, newest first. */
export async function workItems(community: string, cursor?: string): Promise<WorkItemPage> {
  return call(
    api().GET('/coordination/communities/{community}/work-items', {
      params: { path: { community: inPath(community) }, query: { limit: 20, ...(cursor ? { cursor } : {}) } },
    }),
  );
}
