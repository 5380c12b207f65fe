import { getMany } from '../../../kernel/bulk-read.ts';
import { putNew, type Commit, type Page, type Store } from '../../../kernel/store.ts';
import { strip, type Stored } from '../../../kernel/stored.ts';
import { keys } from '../keys.ts';
import type { Power, PowerChange } from './domain.ts';

type StoredPower = Stored<Power>;
const toPower = (item: StoredPower): Power => strip(item);

/** The power catalog: partition CATALOG sorted by code, and by domain on gsi1. */
export class CatalogStore {
  constructor(readonly store: Store) {}

  async power(code: string): Promise<Power | undefined> {
    const item = await this.store.get<StoredPower>(keys.power(code));
    return item && toPower(item);
  }

  /** The entries of these codes that exist, by key (BatchGetItem); at most a few calls for hundreds. */
  async powers(codes: readonly string[], options: { consistent?: boolean } = {}): Promise<Map<string, Power>> {
    const items = await getMany<StoredPower>(this.store, codes.map(keys.power), options);
    return new Map(items.map((item) => [item.code, toPower(item)]));
  }

  async catalog(query: { domain?: string; limit: number; cursor?: string }): Promise<Page<Power>> {
    const page = await this.store.page<StoredPower>({
      ...(query.domain ? { index: 'gsi1' as const, partition: keys.powersOfDomain(query.domain) } : { partition: keys.catalog }),
      limit: query.limit,
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ascending: true,
    });
    return { ...page, items: page.items.map(toPower) };
  }

  catalogCommit(change: PowerChange): Commit {
    const { power } = change;
    const item = {
      ...keys.power(power.code),
      itemType: 'power',
      gsi1pk: keys.powersOfDomain(power.domain),
      gsi1sk: power.code,
      ...power,
    };
    return { writes: [putNew(item, `Power ${power.code} is already in the catalog.`)], events: change.events };
  }
}
