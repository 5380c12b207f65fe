import { api, call, undeclaredAnswer } from '../../../lib/api.ts';

/**
 * An approved work item (services/coordination/work-items/domain.ts AccessItem, as the public list
 * shows it). Typed here until the route's response schema is in openapi.json.
 */
export interface AccessItem {
  code: string;
  title: string;
  description: string;
  departments: string[];
  approvedAt: string;
}

export async function accessList(district: string, cursor?: string): Promise<{ items: AccessItem[]; cursor?: string }> {
  return undeclaredAnswer<{ items: AccessItem[]; cursor?: string }>(
    await call(
    api().GET('/coordination/access-list', { params: { query: { district, limit: 50, ...(cursor ? { cursor } : {}) } } }),
    ),
  );
}
