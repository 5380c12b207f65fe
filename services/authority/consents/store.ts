import { putNew, putVersioned, type Commit, type Page, type Store } from '../../../kernel/store.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import { keys } from '../keys.ts';
import type { ConsentCase, ConsentChange, ConsentStatus } from './domain.ts';

type StoredCase = Stored<ConsentCase>;

/** Consent cases in the authority table. */
export class ConsentStore {
  constructor(readonly store: Store) {}

  async consentCase(id: string): Promise<ConsentCase | undefined> {
    const item = await this.store.get<StoredCase>(keys.consentCase(id));
    return item && strip(item);
  }

  async consentCases(
    street: string,
    status: ConsentStatus,
    page: { limit: number; cursor?: string },
  ): Promise<Page<ConsentCase>> {
    const result = await this.store.page<StoredCase>({
      index: 'gsi1',
      partition: keys.consentsOfStreet(street, status),
      limit: page.limit,
      ...(page.cursor ? { cursor: page.cursor } : {}),
      ascending: status === 'pending',
    });
    return { ...result, items: result.items.map(strip) };
  }

  consentCommit(change: ConsentChange): Commit {
    const c = change.consentCase;
    const item = {
      ...keys.consentCase(c.id),
      itemType: 'consent-case',
      // Pending cases oldest first (the deadline runs); decided ones by when they were opened.
      gsi1pk: keys.consentsOfStreet(c.street, c.status),
      gsi1sk: `${c.openedAt}#${c.id}`,
      ...c,
    };
    return {
      writes: [
        c.version === 1
          ? putNew(item, `Consent case ${c.id} already exists.`)
          : putVersioned(item, `Consent case ${c.id} was decided meanwhile.`),
      ],
      events: change.events,
    };
  }
}
