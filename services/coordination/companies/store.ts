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

  /** A street's companies in the order registered: its entries, then the companies by key. */
  async ofStreet(street: string, query: { limit: number; cursor?: string }): Promise<Page<CompanyItem>> {
    const page = await rangePage<Item & { companyId: string }>(this.table, {
      partition: keys.companiesOf(street),
      ascending: true,
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    const items = await Promise.all(page.items.map((entry) => this.company(entry.companyId)));
    return { ...page, items: items.filter((c): c is CompanyItem => c !== undefined) };
  }

  registrationCommit({ company, events }: { company: PropertyCompany; events: Commit['events'] }): Commit {
    return {
      writes: [
        putNew({ ...keys.company(company.id), itemType: 'company', ...company }, `Company ${company.id} already exists.`),
        putNew(
          { ...keys.companyEntry(company.street, company.registeredAt, company.id), itemType: 'company-entry', companyId: company.id },
          `Company ${company.id} is already listed.`,
        ),
      ],
      events,
    };
  }
}
