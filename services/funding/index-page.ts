import { rangePage } from '../../kernel/range-page.ts';
import type { Page, Store } from '../../kernel/store.ts';
import { strip, type Stored } from '../../kernel/stored.ts';

/** One page of a gsi1 partition, oldest first, as records. */
export async function indexPage<T extends object>(table: Store, partition: string, page: { limit: number; cursor?: string }): Promise<Page<T>> {
  const result = await rangePage<Stored<T>>(table, {
    index: 'gsi1',
    partition,
    limit: page.limit,
    ascending: true,
    ...(page.cursor ? { cursor: page.cursor } : {}),
  });
  return { ...result, items: result.items.map((item) => strip(item)) };
}
