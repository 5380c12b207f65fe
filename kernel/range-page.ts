import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { BadRequestError } from './errors.ts';
import { decodeCursor, encodeCursor, type Item, type Page, type TableAccess } from './cursor.ts';
import { assertRange, inSlice, keyCondition, type PartitionRange } from './range.ts';
import { tableDefinition } from './table.ts';

/** One page of a range: the slice, the page size and where the last page ended. */
export type RangePageQuery = PartitionRange & {
  limit: number;
  cursor?: string;
  /** Default: newest (highest sort key) first. */
  ascending?: boolean;
};

const PAGE_OPTIONS = ['limit', 'cursor', 'ascending'] as const;

/**
 * One page of a slice of a partition (table or gsi1; the slice as kernel/range.ts names it). Never a scan. It asks DynamoDB for one item more than the page and answers a cursor only
 * when that item exists, so a list of exactly 100 items in pages of 100 is one page, not one full
 * page and one empty one. The cursor must lie in the same partition and slice it was issued for.
 */
export async function rangePage<T extends Item>(store: TableAccess, query: RangePageQuery): Promise<Page<T>> {
  assertRange(query, PAGE_OPTIONS);
  const partitionKey = query.index ? 'gsi1pk' : tableDefinition.partitionKey;
  const sortKey = query.index ? 'gsi1sk' : tableDefinition.sortKey;
  const startKey = query.cursor ? decodeCursor(query.cursor, partitionKey, query.partition) : undefined;
  if (startKey && !inSlice(startKey[sortKey], query)) {
    throw new BadRequestError('The cursor is not one this list returned.', [
      { field: 'query.cursor', message: 'not a cursor of this list' },
    ]);
  }
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      ...(query.index ? { IndexName: query.index } : {}),
      ...keyCondition(query),
      Limit: query.limit + 1,
      ScanIndexForward: query.ascending ?? false,
      ...(query.index ? {} : { ConsistentRead: true }),
      ...(startKey ? { ExclusiveStartKey: startKey } : {}),
    }),
  );
  const items = (out.Items ?? []) as T[];
  if (items.length > query.limit) {
    const page = items.slice(0, query.limit);
    return { items: page, cursor: encodeCursor(keyOf(page[page.length - 1]!, query.index)) };
  }
  // Fewer than asked but a LastEvaluatedKey: DynamoDB stopped at its 1 MB limit; go on from there.
  return { items, ...(out.LastEvaluatedKey ? { cursor: encodeCursor(out.LastEvaluatedKey) } : {}) };
}

/**
 * Every item of a slice, following the pages; for slices the caller knows to be bounded (the
 * applications of one position when it closes). Past `maxItems` it fails rather than read on.
 */
export async function rangeAll<T extends Item>(
  store: TableAccess,
  query: PartitionRange & { ascending?: boolean; maxItems: number },
): Promise<T[]> {
  assertRange(query, ['ascending', 'maxItems']);
  const { maxItems: _bound, ...range } = query;
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await rangePage<T>(store, { ...range, limit: 500, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    if (items.length > query.maxItems) {
      throw new Error(`${query.partition} holds more than ${query.maxItems} items in the slice asked`);
    }
    cursor = page.cursor;
  } while (cursor);
  return items;
}

/** The key DynamoDB would give as LastEvaluatedKey for this item: table key, plus the index's. */
function keyOf(item: Item, index: 'gsi1' | undefined): Record<string, unknown> {
  const key: Record<string, unknown> = { pk: item.pk, sk: item.sk };
  if (index) {
    key.gsi1pk = item.gsi1pk;
    key.gsi1sk = item.gsi1sk;
  }
  return key;
}
