import { rangePage } from '../../../kernel/range-page.ts';
import { putNew, type Commit, type Item, type Page, type Store } from '../../../kernel/store.ts';
import type { Issue } from '../issues/domain.ts';
import { issuesOfEntries } from '../issues/store.ts';
import { keys } from '../keys.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import type { PropertyCompany } from './domain.ts';

type CompanyRecord = PropertyCompany & { ratings?: number; ratingSum?: number };
type CompanyItem = Item & CompanyRecord;

/** Property-management companies; their rating counts are added to by issue ratings (issues/store.ts). */
export class CompanyStore {
  constructor(readonly table: Store) {}

  async company(id: string): Promise<(PropertyCompany & { ratings?: number; ratingSum?: number }) | undefined> {
    const item = await this.table.get<Stored<CompanyRecord>>(keys.company(id));
    return item && strip(item);
  }

  /** The company's issues, newest first: its entries (issue ids), then the issues by key. */
  async issues(id: string, query: { limit: number; cursor?: string }): Promise<Page<Issue>> {
    const page = await rangePage(this.table, { ...keys.issuesOfCompany(id), limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
    return { ...page, items: await issuesOfEntries(this.table, page.items) };
  }

  registrationCommit({ company, events }: { company: PropertyCompany; events: Commit['events'] }): Commit {
    return { writes: [putNew({ ...keys.company(company.id), itemType: 'company', ...company }, `Company ${company.id} already exists.`)], events };
  }
}
