import { putNew, putVersioned, type Commit, type Item, type Page, type Store } from '../../../kernel/store.ts';
import { keys } from '../keys.ts';
import type { ConsentCase, ConsentChange, ConsentStatus } from './domain.ts';

type StoredCase = ConsentCase & Item & { itemType: string; gsi1pk: string; gsi1sk: string };

function toCase(item: StoredCase): ConsentCase {
  const { pk: _pk, sk: _sk, itemType: _t, gsi1pk: _g1, gsi1sk: _g2, ...consentCase } = item;
  return consentCase;
}

/** Consent cases in the authority table. */
export class ConsentStore {
  constructor(readonly store: Store) {}

  async consentCase(id: string): Promise<ConsentCase | undefined> {
    const item = await this.store.get<StoredCase>(keys.consentCase(id));
    return item && toCase(item);
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
    return { ...result, items: result.items.map(toCase) };
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
