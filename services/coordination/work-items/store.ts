import { rangePage } from '../../../kernel/range-page.ts';
import { putNew, type Commit, type Page, type Store } from '../../../kernel/store.ts';
import { keys } from '../keys.ts';
import { performanceWrites } from '../performance/store.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import type { AccessItem, BlockedAttempt, PushOutcome, WorkItem } from './domain.ts';

/** The access list and work items in the coordination table. */
export class WorkItemStore {
  constructor(readonly table: Store) {}

  async accessItem(district: string, code: string): Promise<AccessItem | undefined> {
    const item = await this.table.get(keys.accessItem(district, code));
    return item && strip(item as Stored<AccessItem>);
  }

  async accessList(district: string, query: { limit: number; cursor?: string }): Promise<Page<AccessItem>> {
    const page = await rangePage(this.table, { partition: keys.accessList(district), prefix: 'ITEM#', ascending: true, limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
    return { ...page, items: page.items.map((item) => strip(item as Stored<AccessItem>)) };
  }

  /** What reached a community, newest first: the only work items a community ever reads. */
  async ofCommunity(community: string, query: { limit: number; cursor?: string }): Promise<Page<WorkItem>> {
    const page = await rangePage(this.table, { partition: keys.workItemsOfCommunity(community), limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
    return { ...page, items: page.items.map((item) => strip(item as Stored<WorkItem>)) };
  }

  /** What a department pushed in a district, newest first: accepted (reached the community) or blocked (with the reason). */
  async ofDepartment(district: string, department: string, status: 'accepted' | 'blocked', query: { limit: number; cursor?: string }): Promise<Page<WorkItem | BlockedAttempt>> {
    const partition = status === 'accepted' ? keys.workItemsOfDepartment(district, department) : keys.blockedOfDepartment(district, department);
    const page = await rangePage(this.table, { partition, limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
    return { ...page, items: page.items.map((item) => strip(item as Stored<WorkItem | BlockedAttempt>)) };
  }

  approvalCommit({ item, events }: { item: AccessItem; events: Commit['events'] }): Commit {
    return {
      writes: [putNew({ ...keys.accessItem(item.district, item.code), itemType: 'access-item', ...item }, `${item.code} is already on ${item.district}'s access list.`)],
      events,
    };
  }

  /**
   * An accepted item: its record, the community's entry and the department's. A blocked attempt: its record and the
   * department's entry, under keys no community-facing route reads, and the department's count.
   */
  pushCommit(outcome: PushOutcome, now: string): Commit {
    if ('accepted' in outcome) {
      const w = outcome.accepted;
      return {
        writes: [
          putNew({ ...keys.workItem(w.id), itemType: 'work-item', ...w }, `Work item ${w.id} already exists.`),
          putNew({ ...keys.communityWorkItem(w.community, w.acceptedAt, w.id), itemType: 'community-work-item', ...w }, `Work item ${w.id} already exists.`),
          putNew({ ...keys.departmentWorkItem(w.district, w.department, w.acceptedAt, w.id), itemType: 'department-work-item', ...w }, `Work item ${w.id} already exists.`),
        ],
        events: outcome.events,
      };
    }
    const b = outcome.blocked;
    return {
      writes: [
        putNew({ ...keys.blockedAttempt(b.id), itemType: 'blocked-work-item', ...b }, `Work item ${b.id} already exists.`),
        putNew({ ...keys.blockedEntry(b.district, b.department, b.blockedAt, b.id), itemType: 'blocked-entry', ...b }, `Work item ${b.id} already exists.`),
        ...performanceWrites(b.district, { [b.department]: { blockedWorkItems: 1 } }, now),
      ],
      events: outcome.events,
    };
  }
}
