import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { assertRange, keyCondition, type PartitionRange } from './range.ts';
import type { Item, Store } from './store.ts';

/** DynamoDB's limit on the keys of one BatchGetItem. */
const MAX_BATCH_KEYS = 100;
const MAX_ATTEMPTS = 8;

export interface Key {
  pk: string;
  sk: string;
}

/**
 * The items at these keys, read by key (BatchGetItem, 100 keys a call); missing keys are simply not
 * in the answer. Keys DynamoDB leaves unprocessed (throttling) are asked again with a back-off; after
 * MAX_ATTEMPTS the read fails rather than answer with a silent gap.
 */
export async function getMany<T extends Item>(
  store: Store,
  keys: readonly Key[],
  options: { consistent?: boolean } = {},
): Promise<T[]> {
  const unique = [...new Map(keys.map((key) => [`${key.pk}\u0000${key.sk}`, { pk: key.pk, sk: key.sk }])).values()];
  const batches: Key[][] = [];
  for (let start = 0; start < unique.length; start += MAX_BATCH_KEYS) {
    batches.push(unique.slice(start, start + MAX_BATCH_KEYS));
  }
  const found = await Promise.all(batches.map((batch) => getBatch<T>(store, batch, options.consistent ?? true)));
  return found.flat();
}

async function getBatch<T extends Item>(store: Store, keys: Key[], consistent: boolean): Promise<T[]> {
  const items: T[] = [];
  let pending: Record<string, unknown>[] = keys as unknown as Record<string, unknown>[];
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    if (attempt > MAX_ATTEMPTS) throw new Error(`${pending.length} keys stayed unprocessed after ${MAX_ATTEMPTS} reads`);
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt));
    const out = await store.doc.send(
      new BatchGetCommand({
        RequestItems: { [store.tableName]: { Keys: pending, ConsistentRead: consistent } },
      }),
    );
    items.push(...((out.Responses?.[store.tableName] ?? []) as T[]));
    pending = out.UnprocessedKeys?.[store.tableName]?.Keys ?? [];
  }
  return items;
}

/**
 * Every item of a slice of one partition (kernel/range.ts: a prefix, an upper bound or from/to
 * bounds), in sort-key order: a Query on the key, following its pages. For ranges the caller knows
 * to be small (the grants of one street, the opinion requests of one evaluation); past `maxItems` it
 * fails instead of reading on, because a range that large belongs in a paginated list.
 */
export async function queryRange<T extends Item>(
  store: Store,
  range: PartitionRange & { maxItems: number; consistent?: boolean },
): Promise<T[]> {
  assertRange(range, ['maxItems', 'consistent']);
  // An index has no consistent reads; the table's are consistent unless asked otherwise.
  const consistent = range.index ? false : (range.consistent ?? true);
  const items: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        ...(range.index ? { IndexName: range.index } : {}),
        ...keyCondition(range),
        ConsistentRead: consistent,
        ...(startKey ? { ExclusiveStartKey: startKey } : {}),
      }),
    );
    items.push(...((out.Items ?? []) as T[]));
    if (items.length > range.maxItems) {
      throw new Error(`${range.partition} holds more than ${range.maxItems} items in the range asked`);
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
}
